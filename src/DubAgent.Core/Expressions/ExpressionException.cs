namespace DubAgent.Core.Expressions;

/// <summary>A malformed or ill-typed expression; <see cref="Offset"/> is the character index inside the expression text.</summary>
public sealed class ExpressionException(string message, int offset, string? hint = null) : Exception(message)
{
    public int Offset { get; } = offset;

    public string? Hint { get; } = hint;
}
