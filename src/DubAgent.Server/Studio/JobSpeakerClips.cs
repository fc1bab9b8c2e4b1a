using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Core.Workspace;
using DubAgent.Engines.Voices;
using DubAgent.Server.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Server.Studio;

/// <summary>A speaker of a finished job whose lines can become an actor's reference clip.</summary>
public sealed record JobSpeaker(string Job, string Speaker, int Lines, double Seconds)
{
    /// <summary>The form value naming it: `JOB/SPEAKER`.</summary>
    public string Key => $"{Job}/{Speaker}";
}

/// <summary>
/// Speakers of the server's jobs as reference clips for the voice library: the lines of a diarized and translated
/// job, cut from its speech (the vocals stem when it was separated) by the same picker casting uses, so a clip holds
/// the speaker's cleanest 10-30 s and no one else's voice.
/// </summary>
public sealed class JobSpeakerClips(DubAgentServer server)
{
    private const int RecentJobs = 50;

    public IReadOnlyList<JobSpeaker> List()
    {
        var speakers = new List<JobSpeaker>();
        foreach (var id in server.Jobs.RecentIds(RecentJobs))
        {
            if (!server.Jobs.TryOpen(id, out var job) || job is null || SpeechOf(job.Directory) is null) continue;
            speakers.AddRange(Lines(job.Directory).GroupBy(l => l.Speaker, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new JobSpeaker(id, g.Key, g.Count(), Math.Round(g.Sum(l => l.End - l.Start), 1))));
        }
        return speakers;
    }

    /// <summary>Cuts the speaker's reference clip into <paramref name="scratch"/> and returns its path.</summary>
    public async Task<string> CutAsync(string key, string scratch, CancellationToken cancellationToken)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var (id, speaker) = slash > 0 ? (key[..slash], key[(slash + 1)..]) : ("", "");
        if (!server.Jobs.TryOpen(id, out var job) || job is null)
            throw new StudioRefusal($"job_speakers: there is no job '{id}' on this server.");
        var speech = SpeechOf(job.Directory) ?? throw new StudioRefusal($"job_speakers: job {id} has no speech audio (its separate step has not run).");
        var lines = Lines(job.Directory).Where(l => l.Speaker == speaker).ToList();
        if (lines.Count == 0) throw new StudioRefusal($"job_speakers: '{speaker}' does not speak in job {id}.");
        // A folder name of ours: the speaker label comes from a file and is never part of a path.
        var folder = Directory.CreateDirectory(Path.Combine(scratch, $"job-{Guid.NewGuid():N}")).FullName;
        var references = await server.Services.GetRequiredService<SpeakerReferences>().CutAsync(speech, lines, folder, cancellationToken).ConfigureAwait(false);
        return references.FirstOrDefault(r => r.Speaker == speaker)?.ClipPath
               ?? throw new StudioRefusal($"job_speakers: {speaker} of job {id} has no line of 1-12 s that no one else overlaps to take a clip from.");
    }

    private static List<(string Id, string Speaker, double Start, double End, string Text)> Lines(string folder)
    {
        var path = Path.Combine(folder, ReviewApi.TranslationFile);
        if (!File.Exists(path)) return [];
        var segments = JsonNode.Parse(File.ReadAllText(path))?["segments"] as JsonArray ?? [];
        return segments.OfType<JsonObject>()
            .Select(s => (Id: s["id"]?.ToString() ?? "", Speaker: s["speaker"]?.ToString() ?? "", Start: Number(s["start"]), End: Number(s["end"]), Text: s["text"]?.ToString() ?? ""))
            .Where(l => l.Speaker.Length > 0 && l.End > l.Start)
            .ToList();
    }

    private static double Number(JsonNode? node) => node?.GetValueKind() == JsonValueKind.Number ? node.GetValue<double>() : 0;

    /// <summary>The speech the job's separate step delivered (the vocals stem, or the original audio on the plain route).</summary>
    private static string? SpeechOf(string folder)
    {
        var record = JobWorkspace.ReadRecordIn(Path.Combine(folder, "separate"));
        if (record is null || record.Result.ValueKind != JsonValueKind.Object || !record.Result.TryGetProperty("speech", out var speech)
            || speech.ValueKind != JsonValueKind.String) return null;
        var path = speech.GetString()!;
        path = Path.IsPathRooted(path) ? path : Path.Combine(folder, "separate", path);
        return File.Exists(path) ? path : null;
    }
}
