namespace DubAgent.Core.Expressions;

/// <summary>
/// A YAML scalar with `${{ }}` expressions in it. A scalar that is one expression keeps the expression's type
/// (a number stays a number); text around expressions makes a string.
/// </summary>
public sealed record Template(IReadOnlyList<TemplatePart> Parts)
{
    public bool IsSingleExpression => Parts is [{ Expression: not null }];

    public bool HasExpressions => Parts.Any(p => p.Expression is not null);

    public IEnumerable<TemplatePart> Expressions => Parts.Where(p => p.Expression is not null);

    public ExpressionValue Evaluate(IExpressionScope scope)
    {
        if (IsSingleExpression) return EvaluatePart(Parts[0], scope);
        return ExpressionValue.Of(string.Concat(Parts.Select(p => p.Expression is null ? p.Literal : EvaluatePart(p, scope).ToText())));
    }

    private static ExpressionValue EvaluatePart(TemplatePart part, IExpressionScope scope)
    {
        try
        {
            return ExpressionEvaluator.Evaluate(part.Expression!, scope);
        }
        catch (ExpressionException e) when (e.Part is null)
        {
            throw new ExpressionException(e.Message, e.Offset, e.Hint) { Part = part };
        }
    }
}

/// <summary>Literal text, or an expression with the line and column of its first character (inside `${{ }}`) in the recipe.</summary>
public sealed record TemplatePart(string Literal, ExpressionNode? Expression = null, string? Source = null, int Line = 0, int Column = 0);
