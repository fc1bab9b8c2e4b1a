using DubAgent.Abstractions;

namespace DubAgent.Server.Jobs;

/// <summary>One call inside a job: its folder, its state and the last progress it reported.</summary>
public sealed class JobStep(string name, string tool, string directory)
{
    private readonly object _gate = new();

    public string Name { get; } = name;
    public string Tool { get; } = tool;
    public string Directory { get; } = directory;

    public JobStepStatus Status { get; private set; } = JobStepStatus.Queued;
    public DateTimeOffset? Started { get; private set; }
    public DateTimeOffset? Ended { get; private set; }
    public string? Engine { get; private set; }
    public string? Error { get; private set; }
    public string? Summary { get; private set; }
    public ProgressUpdate? LastProgress { get; private set; }

    public bool IsActive => Status is JobStepStatus.Queued or JobStepStatus.Running;

    public void Report(ProgressUpdate update)
    {
        lock (_gate) LastProgress = update;
    }

    public void MarkRunning()
    {
        lock (_gate) { Status = JobStepStatus.Running; Started = DateTimeOffset.UtcNow; }
    }

    public void MarkSucceeded(string? engine, string summary)
    {
        lock (_gate) { Status = JobStepStatus.Succeeded; Ended = DateTimeOffset.UtcNow; Engine = engine; Summary = summary; }
    }

    public void MarkFailed(string error)
    {
        lock (_gate) { Status = JobStepStatus.Failed; Ended = DateTimeOffset.UtcNow; Error = error; }
    }

    public void MarkCancelled(string reason)
    {
        lock (_gate) { Status = JobStepStatus.Cancelled; Ended = DateTimeOffset.UtcNow; Error = reason; }
    }

    /// <summary>A step folder left by an earlier process: finished when it holds its record (a recipe step's
    /// step.json, a call's call.json), interrupted when its job's run died before it finished, otherwise earlier.</summary>
    internal static JobStep FromDisk(string directory, bool jobInterrupted)
    {
        if (Core.Workspace.JobWorkspace.ReadRecordIn(directory) is { } record)
        {
            var done = new JobStep(Path.GetFileName(directory), record.Tool, directory);
            done.Started = record.Started;
            done.Ended = record.Ended;
            done.Engine = record.EngineRan;
            done.Status = JobStepStatus.Succeeded;
            return done;
        }
        var finished = File.Exists(Path.Combine(directory, CallRecord.FileName));
        return new JobStep(Path.GetFileName(directory), "unknown", directory)
        {
            Status = !finished && jobInterrupted ? JobStepStatus.Interrupted : JobStepStatus.Earlier,
        };
    }
}
