using DubAgent.Core.Workspace;
using DubAgent.Server.Jobs;

namespace DubAgent.Server.Resources;

/// <summary>
/// Which of a job's files a client wants first: for a recipe run, the files its declared outputs name and the files its
/// last step wrote (for `dub`: the dubbed video, the package, the subtitles, translation.json, mix.wav), the video
/// first, then the package, the subtitles and the rest in the recipe's order; for single calls, what each call wrote.
/// Records (step.json, call.json, job.json, hashes.json) are never deliverables: they explain a job, they are not its result.
/// </summary>
public static class Deliverables
{
    private static readonly HashSet<string> Records = new(StringComparer.Ordinal)
    {
        JobWorkspace.RecordFileName, Jobs.CallRecord.FileName, JobFolder.RecordName, "hashes.json",
    };

    public static bool IsRecord(Artifact file) => Records.Contains(Path.GetFileName(file.FullPath));

    /// <summary>The job's files, deliverables first (flagged), then the rest in path order.</summary>
    public static IReadOnlyList<(Artifact File, bool Deliverable)> Order(Job job, IReadOnlyList<Artifact> files)
    {
        var wanted = Wanted(job.Directory, files);
        var first = files.Where(f => wanted.ContainsKey(f.FullPath))
            .OrderBy(f => Rank(f.FullPath))
            .ThenBy(f => wanted[f.FullPath])
            .ThenBy(f => f.RelativePath, StringComparer.Ordinal)
            .Select(f => (f, true));
        var rest = files.Where(f => !wanted.ContainsKey(f.FullPath)).Select(f => (f, false));
        return [.. first, .. rest];
    }

    /// <summary>Deliverable paths with their place in the recipe's declared order.</summary>
    private static Dictionary<string, int> Wanted(string jobDirectory, IReadOnlyList<Artifact> files)
    {
        var wanted = new Dictionary<string, int>(StringComparer.Ordinal);
        var record = JobStatus.Read(jobDirectory);
        if (record is null)
        {
            // Single calls: everything a call wrote is its result.
            foreach (var file in files.Where(f => !IsRecord(f))) wanted.TryAdd(file.FullPath, 0);
            return wanted;
        }
        if (record.Outputs is { ValueKind: System.Text.Json.JsonValueKind.Object } outputs)
        {
            foreach (var output in outputs.EnumerateObject())
                if (output.Value.ValueKind == System.Text.Json.JsonValueKind.String && output.Value.GetString() is { Length: > 0 } path)
                    wanted.TryAdd(Path.GetFullPath(path, jobDirectory), wanted.Count);
        }
        if (record.Steps.Count > 0)
        {
            var last = Path.GetFullPath(Path.Combine(jobDirectory, record.Steps[^1])) + Path.DirectorySeparatorChar;
            foreach (var file in files.Where(f => f.FullPath.StartsWith(last, StringComparison.Ordinal) && !IsRecord(f)))
                wanted.TryAdd(file.FullPath, wanted.Count);
        }
        return wanted;
    }

    /// <summary>The dubbed video first, then the package, then subtitles; everything else keeps its order.</summary>
    private static int Rank(string path) => MediaTypes.Of(path) switch
    {
        var t when t.StartsWith("video/", StringComparison.Ordinal) => 0,
        "application/zip" => 1,
        "application/x-subrip" or "text/vtt" => 2,
        _ => 3,
    };
}
