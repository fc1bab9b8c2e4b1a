using DubAgent.Server.Jobs;

namespace DubAgent.Server.Resources;

/// <summary>One file a job wrote, with its resource address.</summary>
public sealed record Artifact(string Job, string RelativePath, string FullPath, long Size)
{
    public string Uri => ArtifactUri.For(Job, RelativePath);

    public string MimeType => MediaTypes.Of(FullPath);

    public string Step => RelativePath.Split('/', '\\')[0];
}

/// <summary>
/// Finds the files jobs wrote (skipping temporary `.partial` files and hidden files), for results, get_job and
/// resources/list.
/// </summary>
public sealed class ArtifactCatalog(JobStore jobs)
{
    public IReadOnlyList<Artifact> OfJob(Job job, int max = 500) => Enumerate(job.Id, job.Directory, job.Directory, max);

    public IReadOnlyList<Artifact> OfStep(Job job, JobStep step, int max = 100) =>
        System.IO.Directory.Exists(step.Directory) && RealInside(step.Directory, job.Directory)
            ? Enumerate(job.Id, job.Directory, step.Directory, max)
            : [];

    /// <summary>The artifacts of the newest jobs, newest job first.</summary>
    public IReadOnlyList<Artifact> Recent(int jobCount, int max)
    {
        var result = new List<Artifact>();
        foreach (var id in jobs.RecentIds(jobCount))
        {
            if (result.Count >= max) break;
            var folder = Path.Combine(jobs.Directory, id);
            if (System.IO.Directory.Exists(folder)) result.AddRange(Enumerate(id, folder, folder, max - result.Count));
        }
        return result;
    }

    /// <summary>The file an artifact address names, or null when there is none (or the address tries to leave its job).</summary>
    public string? Resolve(string job, string[] segments)
    {
        if (!JobStore.IsValidId(job) || segments.Length == 0 || segments.Any(s => s is "" or "." or ".." || s.Contains('/') || s.Contains('\\')))
            return null;
        var jobFolder = Path.Combine(jobs.Directory, job);
        var path = Path.Combine([jobFolder, .. segments]);
        return File.Exists(path) && RealInside(path, jobs.Directory) ? path : null;
    }

    private static IReadOnlyList<Artifact> Enumerate(string job, string jobFolder, string folder, int max)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        return System.IO.Directory.EnumerateFiles(folder, "*", options)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && !f.Contains(".partial", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Take(max)
            .Select(f => new Artifact(job, Path.GetRelativePath(jobFolder, f).Replace('\\', '/'), f, new FileInfo(f).Length))
            .ToList();
    }

    private static bool RealInside(string path, string folder) =>
        Abstractions.Tools.RealPath.IsInside(Abstractions.Tools.RealPath.Of(path), Abstractions.Tools.RealPath.Of(folder));
}
