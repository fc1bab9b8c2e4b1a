using System.Collections.Concurrent;
using System.Security.Cryptography;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Server.Jobs;

/// <summary>
/// The jobs of this server: a folder per job under the jobs folder. Jobs made by this process are tracked in memory
/// (status, progress, cancellation); folders left by earlier runs are still opened, listed and read.
/// </summary>
public sealed class JobStore
{
    private readonly ConcurrentDictionary<string, Job> _jobs = new(StringComparer.Ordinal);

    public JobStore(string jobsDirectory)
    {
        Directory = Path.GetFullPath(jobsDirectory);
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public Job Create()
    {
        while (true)
        {
            // Sortable by creation time (milliseconds), unguessable enough to never collide.
            var id = $"{DateTime.UtcNow:yyyyMMdd-HHmmssfff}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";
            var folder = Path.Combine(Directory, id);
            if (System.IO.Directory.Exists(folder)) continue;
            // Marked as DubAgent's own at once, so run_pipeline may use it as a job folder.
            Core.Workspace.JobFolder.Claim(folder);
            var job = new Job(id, folder, DateTimeOffset.UtcNow);
            if (_jobs.TryAdd(id, job)) return job;
        }
    }

    /// <summary>
    /// Removes a job this process just made for a call that was refused before any work: its folder goes too, so a
    /// rejected call leaves nothing behind.
    /// </summary>
    public void Discard(Job job)
    {
        _jobs.TryRemove(job.Id, out _);
        try
        {
            System.IO.Directory.Delete(job.Directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind, it is an empty job folder: harmless, and listed as such.
        }
    }

    /// <summary>The job of that id, from memory or from its folder; InputException naming recent jobs when unknown.</summary>
    public Job Open(string id)
    {
        if (_jobs.TryGetValue(id, out var known)) return known;
        if (IsValidId(id))
        {
            var folder = Path.Combine(Directory, id);
            if (System.IO.Directory.Exists(folder))
            {
                var job = new Job(id, folder, System.IO.Directory.GetCreationTimeUtc(folder));
                job.LoadStepsFromDisk();
                return _jobs.GetOrAdd(id, job);
            }
        }
        var recent = RecentIds(5);
        throw new InputException($"Unknown job '{id}'.",
            recent.Count == 0 ? "No job exists yet: a tool call without `job` starts one." : $"Recent jobs: {string.Join(", ", recent)}.");
    }

    public bool TryOpen(string id, out Job? job)
    {
        try
        {
            job = Open(id);
            return true;
        }
        catch (InputException)
        {
            job = null;
            return false;
        }
    }

    /// <summary>The newest job ids first (in memory and on disk).</summary>
    public IReadOnlyList<string> RecentIds(int count) =>
        System.IO.Directory.EnumerateDirectories(Directory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(IsValidId)
            .Union(_jobs.Keys)
            .OrderByDescending(id => id, StringComparer.Ordinal)
            .Take(count)
            .ToList();

    /// <summary>Letters, digits, '-' and '_': a job id never names a path outside the jobs folder.</summary>
    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= 100 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
