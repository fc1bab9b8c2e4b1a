namespace DubAgent.Cluster.Messages;

/// <summary>Published by every worker every few seconds: who it is, what it serves and what it is running now.</summary>
public sealed record WorkerHeartbeat
{
    public string Worker { get; init; } = "";
    public List<string> Queues { get; init; } = [];
    public int Concurrency { get; init; }

    /// <summary>The steps running now, as "step (run id)".</summary>
    public List<string> Running { get; init; } = [];

    public DateTimeOffset At { get; init; }
}
