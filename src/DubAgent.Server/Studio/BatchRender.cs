using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Core.Workspace;
using DubAgent.Server.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Server.Studio;

/// <summary>
/// The batch option: once a dub has finished, it is rendered again in the same job once per voice set (each speaker
/// recast as the set says: the cache redoes only synthesize, mix and export), each video is kept in JOB/batch/, and all
/// of them go into JOB/batch/batch.zip with a manifest.json naming each video's voice per speaker. A failed run stops the batch and says why in
/// JOB/batch/batch.json.
/// </summary>
public sealed class BatchRender(DubAgentServer server, StudioRuns runs)
{
    public const string Folder = "batch";
    public const string ZipName = "batch.zip";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<string, byte> _rendering = new(StringComparer.Ordinal);

    private readonly ILogger _log = (server.Services.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)
        .CreateLogger("DubAgent.Studio.Batch");

    /// <summary>Whether this server is rendering the job's batch now (its page keeps following the job until it ends).</summary>
    public bool IsRendering(string job) => _rendering.ContainsKey(job);

    /// <summary>The batch's status as JOB/batch/batch.json says ("rendering 1 of 2: ...", "completed", "failed"), or null.</summary>
    public static string? StatusOf(string jobDirectory)
    {
        var path = Path.Combine(jobDirectory, Folder, "batch.json");
        try
        {
            return File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))?["status"]?.ToString() : null;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }

    public void Start(string job, IReadOnlyList<VoiceSet> sets, CancellationToken stopping)
    {
        _rendering[job] = 0;
        _ = Task.Run(async () =>
        {
            try
            {
                await RenderAsync(job, sets, stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (e is StudioRefusal or IOException or InvalidOperationException or OperationCanceledException)
            {
                _log.LogWarning("batch of job {Job} stopped: {Reason}", job, e.Message);
                Record(job, new JsonObject { ["status"] = "failed", ["error"] = e.Message });
            }
            finally
            {
                _rendering.TryRemove(job, out _);
            }
        }, CancellationToken.None);
    }

    private async Task RenderAsync(string job, IReadOnlyList<VoiceSet> sets, CancellationToken stopping)
    {
        var folder = server.Jobs.Open(job).Directory;
        var output = Directory.CreateDirectory(Path.Combine(folder, Folder)).FullName;
        Record(job, new JsonObject { ["status"] = "waiting for the dub" });
        await WaitFinishedAsync(job, stopping).ConfigureAwait(false);
        // A speaker a set does not name keeps the voice the first dub gave them.
        var first = Cast(folder);
        var videos = new JsonArray();
        foreach (var (set, index) in sets.Select((s, i) => (s, i + 1)))
        {
            Record(job, new JsonObject { ["status"] = $"rendering {index} of {sets.Count}: {set.Label}" });
            var cast = first.ToDictionary(s => s.Key, s => set.VoiceFor(s.Key) ?? s.Value, StringComparer.Ordinal);
            await RenderWithAsync(job, folder, cast, stopping).ConfigureAwait(false);
            var rendered = Directory.GetFiles(Path.Combine(folder, "export"), "*.mp4").Order(StringComparer.Ordinal).First();
            var name = $"{index:00}-{set.Label}.mp4";
            File.Copy(rendered, Path.Combine(output, "." + name + ".partial"), overwrite: true);
            File.Move(Path.Combine(output, "." + name + ".partial"), Path.Combine(output, name), overwrite: true);
            var voices = new JsonObject();
            foreach (var (speaker, voice) in Cast(folder)) voices[speaker] = voice;
            videos.Add(new JsonObject
            {
                ["video"] = name,
                ["voice"] = set.Speakers.Count == 0 ? set.Default : null,
                ["voices"] = voices,
                ["speakers"] = new JsonArray(cast.Keys.Select(s => (JsonNode)s).ToArray()),
            });
        }
        // The job itself goes back to the first dub's voices, so its own video, a later edit and a resume are that dub again
        // (its clips are in the cache: only mix and export work).
        Record(job, new JsonObject { ["status"] = "restoring the first dub's voices" });
        await RenderWithAsync(job, folder, first, stopping).ConfigureAwait(false);
        var manifest = new JsonObject { ["job"] = job, ["videos"] = videos };
        var temporary = Path.Combine(output, "." + ZipName + ".partial");
        using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
        {
            foreach (var video in videos) zip.CreateEntryFromFile(Path.Combine(output, video!["video"]!.ToString()), video["video"]!.ToString());
            await using var entry = zip.CreateEntry("manifest.json").Open();
            await JsonSerializer.SerializeAsync(entry, manifest, new JsonSerializerOptions { WriteIndented = true }, stopping).ConfigureAwait(false);
        }
        File.Move(temporary, Path.Combine(output, ZipName), overwrite: true);
        manifest["status"] = "completed";
        Record(job, manifest);
    }

    /// <summary>Pins each speaker's voice in the job's recipe and runs it again (the cache redoes only what the voices change).</summary>
    private async Task RenderWithAsync(string job, string folder, IReadOnlyDictionary<string, string> cast, CancellationToken stopping)
    {
        var recipe = JobStatus.Read(folder)?.RecipeFile ?? throw new StudioRefusal("The dub has no recipe run.");
        foreach (var (speaker, voice) in cast) StudioRecipe.SetVoice(recipe, speaker, voice);
        await runs.ResumeAsync(job, stopping).ConfigureAwait(false);
        await WaitFinishedAsync(job, stopping).ConfigureAwait(false);
    }

    /// <summary>Waits until the job's run ends; anything but completed stops the batch.</summary>
    private async Task WaitFinishedAsync(string job, CancellationToken stopping)
    {
        // The run just asked for may not have marked the job as running yet.
        await Task.Delay(Poll, stopping).ConfigureAwait(false);
        while (true)
        {
            var view = JobView.Of(server, server.Jobs.Open(job), withFiles: false);
            if (view.State == "completed") return;
            if (view.Finished) throw new StudioRefusal($"the dub ended {view.State}{(view.Error is { } e ? $": {e}" : "")}");
            await Task.Delay(Poll, stopping).ConfigureAwait(false);
        }
    }

    /// <summary>Each speaker's voice in the job's last synthesis, from its placements.</summary>
    private static SortedDictionary<string, string> Cast(string folder)
    {
        var cast = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var placement in JsonNode.Parse(File.ReadAllText(Path.Combine(folder, ReviewApi.PlacementsFile)))?["placements"] as JsonArray ?? [])
            if (placement?["speaker"]?.ToString() is { Length: > 0 } speaker && placement["voice"]?.ToString() is { Length: > 0 } voice)
                cast.TryAdd(speaker, voice);
        return cast;
    }

    private void Record(string job, JsonObject state)
    {
        var folder = Directory.CreateDirectory(Path.Combine(server.Jobs.Open(job).Directory, Folder)).FullName;
        var temporary = Path.Combine(folder, ".batch.json.partial");
        File.WriteAllText(temporary, state.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temporary, Path.Combine(folder, "batch.json"), overwrite: true);
    }
}
