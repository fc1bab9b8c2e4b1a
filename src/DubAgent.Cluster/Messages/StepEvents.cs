namespace DubAgent.Cluster.Messages;

/// <summary>A worker took a step (first or again, after another worker died with it).</summary>
public sealed record StepStarted
{
    public Guid RunId { get; init; }
    public string StepId { get; init; } = "";
    public string Worker { get; init; } = "";
    public string? Engine { get; init; }

    /// <summary>True when the broker handed the step over again (its first worker died or lost the connection).</summary>
    public bool Redelivered { get; init; }
}

/// <summary>How far a running step is, from the engine's own progress (throttled).</summary>
public sealed record StepProgressed
{
    public Guid RunId { get; init; }
    public string StepId { get; init; } = "";
    public double? Fraction { get; init; }
    public string? Message { get; init; }
}

/// <summary>A step's outputs and `step.json` are committed in the job folder; the coordinator reads the record from there.</summary>
public sealed record StepCompleted
{
    public Guid RunId { get; init; }
    public string StepId { get; init; } = "";
    public string Worker { get; init; } = "";
    public string CacheKey { get; init; } = "";

    /// <summary>The step's unchanged result was already committed (an earlier run, or a worker that died after committing).</summary>
    public bool Cached { get; init; }
}
