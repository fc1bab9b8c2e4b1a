namespace DubAgent.Abstractions.Errors;

/// <summary>An engine was asked for but cannot run on this machine; the hint says how to install it.</summary>
public sealed class EngineUnavailableException : DubAgentException
{
    public EngineUnavailableException(string engine, string capability, string reason, string? installHint)
        : base($"Engine '{engine}' ({capability}) is not available: {reason}", installHint)
    {
        Engine = engine;
        Capability = capability;
        Reason = reason;
    }

    public string Engine { get; }
    public string Capability { get; }
    public string Reason { get; }

    public override string Kind => "engine_unavailable";
}
