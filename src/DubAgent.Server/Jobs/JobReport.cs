using DubAgent.Server.Resources;
using DubAgent.Server.Tools;

namespace DubAgent.Server.Jobs;

/// <summary>A job as get_job and its status resource show it: its state, each step, and its files, deliverables first.</summary>
public static class JobReport
{
    public const int DefaultFiles = 30;

    public static JobResult Of(Job job, ArtifactCatalog artifacts, bool allFiles = false)
    {
        var steps = job.Steps.Select(s => new JobStepEntry(
            s.Name, s.Tool, s.Status.ToString().ToLowerInvariant(),
            s.LastProgress?.Fraction is { } f ? Math.Round(f, 3) : null,
            s.LastProgress?.Message,
            s.Engine,
            s.Started is { } start ? Math.Round(((s.Ended ?? DateTimeOffset.UtcNow) - start).TotalSeconds, 1) : null,
            s.Error,
            s.Summary)).ToList();
        var active = steps.LastOrDefault(s => s.Status is "running" or "queued");
        var files = Deliverables.Order(job, artifacts.OfJob(job));
        var shown = (allFiles ? files : files.Take(DefaultFiles))
            .Select(f => new ArtifactEntry(f.File.Uri, f.File.FullPath, f.File.Size, f.Deliverable)).ToList();
        var status = job.Status;
        var message = status == Review.PausedReview.Status
            ? $"paused for review after translation: edit target_text in its translation.json if needed, then run_pipeline {{\"resume\": \"{job.Id}\"}}"
            : active?.Message;
        return new JobResult(job.Id, status, job.Directory, active?.Progress, message, steps, files.Count, shown);
    }
}
