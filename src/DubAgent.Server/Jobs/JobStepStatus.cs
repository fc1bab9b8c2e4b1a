namespace DubAgent.Server.Jobs;

public enum JobStepStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,

    /// <summary>Found on disk from an earlier server run; its outcome is not known to this one.</summary>
    Earlier,

    /// <summary>Found on disk unfinished: the process running it died (no record of it finishing).</summary>
    Interrupted,
}
