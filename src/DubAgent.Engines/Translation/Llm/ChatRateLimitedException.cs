namespace DubAgent.Engines.Translation.Llm;

/// <summary>The chat source said "too many requests"; the planner waits <see cref="RetryAfter"/> (or backs off) and retries.</summary>
public sealed class ChatRateLimitedException(string message, TimeSpan? retryAfter, Exception? inner = null) : Exception(message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
