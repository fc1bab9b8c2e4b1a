namespace DubAgent.Core.Expressions;

/// <summary>A malformed or ill-typed expression; <see cref="Offset"/> is the character index inside the expression text.</summary>
public sealed class ExpressionException(string message, int offset, string? hint = null) : Exception(message)
{
    public int Offset { get; } = offset;

    public string? Hint { get; } = hint;

    /// <summary>The part of a template that failed, when a template with several expressions was evaluated.</summary>
    public TemplatePart? Part { get; init; }
}
