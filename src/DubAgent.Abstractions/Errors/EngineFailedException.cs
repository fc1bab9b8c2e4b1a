namespace DubAgent.Abstractions.Errors;

/// <summary>An engine started but did not produce a result.</summary>
public sealed class EngineFailedException : DubAgentException
{
    public EngineFailedException(string engine, string message, string? hint = null, string? stderrTail = null, Exception? inner = null)
        : base($"Engine '{engine}' failed: {message}", hint, inner)
    {
        Engine = engine;
        StderrTail = stderrTail;
    }

    public string Engine { get; }
    public string? StderrTail { get; }

    public override string Kind => "engine_failed";
}
