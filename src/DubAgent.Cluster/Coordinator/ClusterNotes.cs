namespace DubAgent.Cluster.Coordinator;

/// <summary>Notes the coordinator adds to a step's outcome (the run's summary table and `--json`).</summary>
public static class ClusterNotes
{
    /// <summary>A step's cost of going through the broker, in seconds: read by `dubagent bench --stage cluster`.</summary>
    public const string Overhead = "through the broker: ";

    /// <summary>The worker that reported the step committed.</summary>
    public const string Worker = "worker: ";
}
