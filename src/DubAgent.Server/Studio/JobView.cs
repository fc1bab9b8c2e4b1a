using DubAgent.Core.Workspace;
using DubAgent.Server.Hosting;
using DubAgent.Server.Jobs;
using DubAgent.Server.Resources;

namespace DubAgent.Server.Studio;

/// <summary>One recipe step as the job page shows it: its state, the engine that ran and why, its time.</summary>
public sealed record StepView(string Id, string Tool, string State, string? Engine, string? EngineReason, double? Seconds, IReadOnlyList<string> Notes);

/// <summary>A produced file with the address the studio serves it at.</summary>
public sealed record FileView(string Path, string Url, long Size, bool Deliverable);

/// <summary>
/// A job as the studio shows it, read from what the runner writes (job.json, each step's step.json) and from the live
/// run_pipeline call's last progress. Built again on every poll, so a reloaded page sees the same state.
/// </summary>
public sealed record JobView(
    string Id, string State, double Percent, string? Message, string? Recipe, IReadOnlyList<StepView> Steps, string? Error,
    DateTimeOffset Created, IReadOnlyList<FileView> Files, string? TargetLanguage = null, string? Batch = null)
{
    public bool Finished => State is "completed" or "failed" or "cancelled" or "interrupted";

    public static JobView Of(DubAgentServer server, Job job, bool withFiles = true)
    {
        var record = JobStatus.Read(job.Directory);
        var run = job.Steps.LastOrDefault(s => s.Tool == "run_pipeline");
        var state = StateOf(record, run);
        var message = run?.LastProgress?.Message;
        var current = message?.Split(':')[0];
        var steps = new List<StepView>();
        foreach (var id in record?.Steps ?? [])
        {
            var step = JobWorkspace.ReadRecordIn(Path.Combine(job.Directory, id));
            var fresh = step is not null && record is not null && step.Ended >= record.Started;
            var stepState = step is null
                ? state == "running" && id == current ? "running" : state is "failed" or "cancelled" or "interrupted" && id == current ? state : "pending"
                : fresh ? "ran" : "cached";
            steps.Add(new StepView(id, step?.Tool ?? "", stepState, step?.EngineRan, step?.EngineReason, step is null ? null : Math.Round(step.Seconds, 2),
                step?.Notes ?? []));
        }
        var percent = state == "completed" ? 100
            : steps.Count > 0 && state != "running" ? Math.Round(100.0 * steps.Count(s => s.State is "ran" or "cached") / steps.Count, 1)
            : Math.Round(100 * (run?.LastProgress?.Fraction ?? 0), 1);
        var error = run?.Error ?? record?.Error;
        return new JobView(job.Id, state, percent, message, record?.Recipe, steps, state is "completed" or "running" or "queued" ? null : error,
            job.Created, withFiles ? FilesOf(server, job) : [], record?.Inputs.GetValueOrDefault("target_language"), BatchRender.StatusOf(job.Directory));
    }

    private static string StateOf(JobRecord? record, JobStep? run)
    {
        if (run is { Status: JobStepStatus.Queued }) return "queued";
        if (run is { Status: JobStepStatus.Running }) return "running";
        if (run is { Status: JobStepStatus.Failed } && record is null) return "failed";
        return record?.Status switch
        {
            null => run is null ? "empty" : "starting",
            var s => s,
        };
    }

    private static IReadOnlyList<FileView> FilesOf(DubAgentServer server, Job job) =>
        Deliverables.Order(job, server.Artifacts.OfJob(job))
            .Where(f => !Deliverables.IsRecord(f.File))
            .Select(f => new FileView(f.File.RelativePath, $"/files/{job.Id}/{f.File.RelativePath}", f.File.Size, f.Deliverable))
            .ToList();
}
