namespace DubAgent.Core.Expressions;

/// <summary>The syntax tree of an expression: literals, data paths, `!`, comparisons and `&&`/`||`. Nothing else exists.</summary>
public abstract record ExpressionNode(int Offset);

public sealed record LiteralNode(ExpressionValue Value, int Offset) : ExpressionNode(Offset);

/// <summary>`inputs.name` or `steps.id.field.subfield`: a read of data, never a call.</summary>
public sealed record PathNode(IReadOnlyList<string> Segments, int Offset) : ExpressionNode(Offset)
{
    public override string ToString() => string.Join('.', Segments);
}

public sealed record NotNode(ExpressionNode Operand, int Offset) : ExpressionNode(Offset);

public sealed record BinaryNode(TokenKind Operator, ExpressionNode Left, ExpressionNode Right, int Offset) : ExpressionNode(Offset);
