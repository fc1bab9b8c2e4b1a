namespace DubAgent.Abstractions.Errors;

/// <summary>Bad input from the user or a client: a missing file, a wrong value, an argument out of range.</summary>
public sealed class InputException : DubAgentException
{
    public InputException(string message, string? hint = null, Exception? inner = null) : base(message, hint, inner) { }

    public override string Kind => "input";
}
