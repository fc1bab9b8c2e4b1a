using System.Collections.Concurrent;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Core.Media;
using DubAgent.Core.Workspace;
using DubAgent.Server.Jobs;

namespace DubAgent.Server.Live.Http;

/// <summary>
/// The dub jobs POST /api/upload-audio started and that still run. When the host stops they are cancelled (rather than
/// left running past it, or cut off mid-write) and their job record says `interrupted`, as for a run whose process
/// died: the job folder keeps every finished step, and running the recipe there again resumes it.
/// </summary>
public sealed class UploadJobs
{
    public const string StopReason = "interrupted: the server stopped";
    private readonly ConcurrentDictionary<string, (Job Job, JobWork Work)> _running = new(StringComparer.Ordinal);

    public int Running => _running.Count;

    public void Track(Job job, JobWork work)
    {
        _running[job.Id] = (job, work);
        _ = work.Completion.ContinueWith(_ => _running.TryRemove(job.Id, out var _), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Cancels every running upload job, waits for each to stop, and records it as interrupted.</summary>
    public async Task InterruptAllAsync()
    {
        var running = _running.Values.ToList();
        await Task.WhenAll(running.Select(r => r.Work.StopAsync(StopReason))).ConfigureAwait(false);
        foreach (var (job, _) in running) MarkInterrupted(job.Directory);
    }

    private static void MarkInterrupted(string jobDirectory)
    {
        var path = Path.Combine(jobDirectory, JobFolder.RecordName);
        if (JobStatus.Read(jobDirectory) is not { Status: "running" or "cancelled" } record) return;
        var interrupted = record with
        {
            Status = JobStatus.Interrupted,
            Error = StopReason,
            LastCompletedStep = record.Steps.LastOrDefault(s => File.Exists(Path.Combine(jobDirectory, s, JobWorkspace.RecordFileName))),
        };
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(interrupted, DubAgentJson.Options));
    }
}
