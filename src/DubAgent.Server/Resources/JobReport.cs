using System.ComponentModel;
using DubAgent.Server.Jobs;

namespace DubAgent.Server.Resources;

public sealed record JobStepEntry(
    string Step,
    string Tool,
    [property: Description("queued, running, succeeded, failed, cancelled, interrupted (its process died before it finished), or earlier (made by an earlier server run).")] string Status,
    [property: Description("0..1 while running, when the tool knows.")] double? Progress,
    string? Message,
    string? Engine,
    double? Seconds,
    string? Error,
    string? Summary);

public sealed record ArtifactEntry(
    [property: Description("The resource address: resources/read returns the file.")] string Uri,
    string Path,
    long Bytes,
    [property: Description("true for the job's results (a recipe's declared outputs and its last step's files), listed first.")] bool Deliverable);

public sealed record JobResult(
    string Job,
    [property: Description("running, queued, succeeded, failed, cancelled, interrupted, paused (a review run waits for run_pipeline resume), empty or finished earlier.")] string Status,
    string Folder,
    [property: Description("0..1: how far the running step is (for run_pipeline, the whole recipe).")] double? Progress,
    [property: Description("What the running step is doing now (for a paused job: how to resume it).")] string? Message,
    IReadOnlyList<JobStepEntry> Steps,
    int ArtifactCount,
    IReadOnlyList<ArtifactEntry> Artifacts);

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
