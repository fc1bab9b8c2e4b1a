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
}
