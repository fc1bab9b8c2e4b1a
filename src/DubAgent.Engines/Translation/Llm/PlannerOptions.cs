namespace DubAgent.Engines.Translation.Llm;

/// <summary>How the planner groups, retries and refits; defaults suit dialogue, options come from the call or "Llm:" settings.</summary>
public sealed record PlannerOptions
{
    /// <summary>A pause longer than this starts a new scene (seconds).</summary>
    public double SceneGapSeconds { get; init; } = 2.0;

    /// <summary>Most segments in one window (one chat request).</summary>
    public int MaxWindowSegments { get; init; } = 12;

    /// <summary>Rewording rounds for lines over budget.</summary>
    public int MaxRounds { get; init; } = 2;

    /// <summary>Answers per request that may be malformed or mismatched before the window falls back.</summary>
    public int MaxAttempts { get; init; } = 2;

    /// <summary>Check functions the model may call in one request before the request is stopped as failed.</summary>
    public int MaxFunctionCalls { get; init; } = 48;

    /// <summary>Rate-limit waits per request before the window falls back.</summary>
    public int MaxRateLimitWaits { get; init; } = 6;

    /// <summary>Fit ratio above which a line goes back for a shorter wording.</summary>
    public double FitTolerance { get; init; } = Timing.SegmentFit.Tolerance;

    public float Temperature { get; init; } = 0.3f;

    /// <summary>How the planner waits out a rate limit; tests replace it so they do not sleep.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;
}
