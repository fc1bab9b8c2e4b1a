namespace DubAgent.Abstractions.Errors;

/// <summary>
/// Base of every error DubAgent reports to a person or a client: a one-line message plus a hint that says what to do.
/// The CLI prints these without a stack trace; the MCP server returns them as tool errors.
/// </summary>
public abstract class DubAgentException : Exception
{
    protected DubAgentException(string message, string? hint, Exception? inner = null) : base(message, inner)
    {
        Hint = hint;
    }

    /// <summary>What the user can do about it (may be null when the message already says it).</summary>
    public string? Hint { get; }

    /// <summary>Which part failed: input, media, engine_unavailable, engine_failed, pipeline.</summary>
    public abstract string Kind { get; }
}
