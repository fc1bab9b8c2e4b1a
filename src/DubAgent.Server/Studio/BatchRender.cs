using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Core.Workspace;
using DubAgent.Server.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Server.Studio;

/// <summary>
/// The batch option: once a dub has finished, it is rendered again in the same job once per voice (every speaker
/// recast in it: the cache redoes only synthesize, mix and export), each video is kept in JOB/batch/, and all of them go
/// into JOB/batch/batch.zip with a manifest.json naming each video's voice. A failed run stops the batch and says why in
/// JOB/batch/batch.json.
/// </summary>
public sealed class BatchRender(DubAgentServer server, StudioRuns runs)
{
    public const string Folder = "batch";
    public const string ZipName = "batch.zip";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    private readonly ILogger _log = (server.Services.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)
        .CreateLogger("DubAgent.Studio.Batch");

    public void Start(string job, IReadOnlyList<string> voices, CancellationToken stopping) =>
        _ = Task.Run(async () =>
        {
            try
            {
                await RenderAsync(job, voices, stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (e is StudioRefusal or IOException or InvalidOperationException or OperationCanceledException)
            {
                _log.LogWarning("batch of job {Job} stopped: {Reason}", job, e.Message);
                Record(job, new JsonObject { ["status"] = "failed", ["error"] = e.Message });
            }
        }, CancellationToken.None);

    private async Task RenderAsync(string job, IReadOnlyList<string> voices, CancellationToken stopping)
    {
        var folder = server.Jobs.Open(job).Directory;
        var output = Directory.CreateDirectory(Path.Combine(folder, Folder)).FullName;
        Record(job, new JsonObject { ["status"] = "waiting for the dub" });
        await WaitFinishedAsync(job, stopping).ConfigureAwait(false);
        var videos = new JsonArray();
        foreach (var (voice, index) in voices.Select((v, i) => (v, i + 1)))
        {
            Record(job, new JsonObject { ["status"] = $"rendering {index} of {voices.Count}: {voice}" });
            var recipe = JobStatus.Read(folder)?.RecipeFile ?? throw new StudioRefusal("The dub has no recipe run.");
            foreach (var speaker in Speakers(folder)) StudioRecipe.SetVoice(recipe, speaker, voice);
            await runs.ResumeAsync(job, stopping).ConfigureAwait(false);
            await WaitFinishedAsync(job, stopping).ConfigureAwait(false);
            var rendered = Directory.GetFiles(Path.Combine(folder, "export"), "*.mp4").Order(StringComparer.Ordinal).First();
            var name = $"{index:00}-{voice}.mp4";
            File.Copy(rendered, Path.Combine(output, "." + name + ".partial"), overwrite: true);
            File.Move(Path.Combine(output, "." + name + ".partial"), Path.Combine(output, name), overwrite: true);
            videos.Add(new JsonObject { ["video"] = name, ["voice"] = voice, ["speakers"] = new JsonArray(Speakers(folder).Select(s => (JsonNode)s).ToArray()) });
        }
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

    private static IEnumerable<string> Speakers(string folder) =>
        (JsonNode.Parse(File.ReadAllText(Path.Combine(folder, ReviewApi.PlacementsFile)))?["placements"] as JsonArray ?? [])
        .Select(p => p?["speaker"]?.ToString()).OfType<string>().Where(s => s.Length > 0).Distinct().Order(StringComparer.Ordinal);

    private void Record(string job, JsonObject state)
    {
        var folder = Directory.CreateDirectory(Path.Combine(server.Jobs.Open(job).Directory, Folder)).FullName;
        var temporary = Path.Combine(folder, ".batch.json.partial");
        File.WriteAllText(temporary, state.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temporary, Path.Combine(folder, "batch.json"), overwrite: true);
    }
}
