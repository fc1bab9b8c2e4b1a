namespace DubAgent.Cluster.Worker;

/// <summary>What one worker process serves: its name in events and records, its queues, and how many steps it runs at once.</summary>
public sealed record WorkerSettings(string Name, IReadOnlyList<string> Queues, int Concurrency, int Retries, TimeSpan FirstRetry, string? JobsRoot)
{
    /// <summary>host-pid: unique per process, and says where a step ran.</summary>
    public static string DefaultName() => $"{Environment.MachineName}-{Environment.ProcessId}";
}
