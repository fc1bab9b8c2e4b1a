namespace DubAgent.Core.Expressions;

/// <summary>Looks up the data an expression reads (`inputs.*`, `steps.*`).</summary>
public interface IExpressionScope
{
    /// <summary>The value at the path, or throws ExpressionException (at <paramref name="path"/>'s offset) when it does not exist.</summary>
    ExpressionValue Resolve(PathNode path);
}

/// <summary>
/// Evaluates a parsed expression. Logic takes booleans only and `&lt;`-style comparisons take two numbers or two
/// strings: a mismatch is an error rather than a silent guess.
/// </summary>
public static class ExpressionEvaluator
{
    public static ExpressionValue Evaluate(ExpressionNode node, IExpressionScope scope) => node switch
    {
        LiteralNode literal => literal.Value,
        PathNode path => scope.Resolve(path),
        NotNode not => ExpressionValue.Of(!Boolean(Evaluate(not.Operand, scope), not.Operand, "!")),
        BinaryNode { Operator: TokenKind.And } and =>
            ExpressionValue.Of(Boolean(Evaluate(and.Left, scope), and.Left, "&&") && Boolean(Evaluate(and.Right, scope), and.Right, "&&")),
        BinaryNode { Operator: TokenKind.Or } or =>
            ExpressionValue.Of(Boolean(Evaluate(or.Left, scope), or.Left, "||") || Boolean(Evaluate(or.Right, scope), or.Right, "||")),
        BinaryNode binary => Compare(binary, Evaluate(binary.Left, scope), Evaluate(binary.Right, scope)),
        _ => throw new ExpressionException("Unknown expression.", node.Offset),
    };

    /// <summary>A condition (`when`): must come out true or false.</summary>
    public static bool IsTrue(ExpressionNode node, IExpressionScope scope) => Boolean(Evaluate(node, scope), node, "when");

    private static bool Boolean(ExpressionValue value, ExpressionNode node, string where) =>
        value.Kind == ExpressionValueKind.Boolean
            ? value.AsBoolean
            : throw new ExpressionException($"'{where}' needs true or false, but this is {value.Describe()}.", node.Offset,
                "Compare it to get a condition, e.g. steps.probe.duration < 300.");

    private static ExpressionValue Compare(BinaryNode node, ExpressionValue left, ExpressionValue right)
    {
        if (node.Operator is TokenKind.Equal or TokenKind.NotEqual)
        {
            var equal = AreEqual(left, right);
            return ExpressionValue.Of(node.Operator == TokenKind.Equal ? equal : !equal);
        }
        int order;
        if (left.Kind == ExpressionValueKind.Number && right.Kind == ExpressionValueKind.Number)
            order = left.AsNumber.CompareTo(right.AsNumber);
        else if (left.Kind == ExpressionValueKind.String && right.Kind == ExpressionValueKind.String)
            order = string.CompareOrdinal(left.AsString, right.AsString);
        else
            throw new ExpressionException($"Cannot order {left.Describe()} and {right.Describe()}.", node.Offset,
                "'<', '<=', '>' and '>=' compare two numbers or two strings.");
        return ExpressionValue.Of(node.Operator switch
        {
            TokenKind.Less => order < 0,
            TokenKind.LessOrEqual => order <= 0,
            TokenKind.Greater => order > 0,
            _ => order >= 0,
        });
    }

    private static bool AreEqual(ExpressionValue left, ExpressionValue right)
    {
        if (left.Kind != right.Kind) return false;
        return left.Kind switch
        {
            ExpressionValueKind.Null => true,
            ExpressionValueKind.Boolean => left.AsBoolean == right.AsBoolean,
            ExpressionValueKind.Number => left.AsNumber == right.AsNumber,
            ExpressionValueKind.String => left.AsString == right.AsString,
            _ => left.ToText() == right.ToText(),
        };
    }
}
