using DubAgent.Abstractions.Errors;
using DubAgent.Core.Expressions;

namespace DubAgent.Core.Pipelines;

/// <summary>Evaluates recipe expressions at run time, turning an expression error into a PipelineException at its line and column.</summary>
public static class Evaluation
{
    public static bool IsTrue(Recipe recipe, TemplatePart condition, IExpressionScope scope) =>
        Guard(recipe, condition, () => ExpressionEvaluator.IsTrue(condition.Expression ?? Invalid(condition), scope));

    public static ExpressionValue Evaluate(Recipe recipe, RecipeScalar scalar, IExpressionScope scope)
    {
        var part = scalar.Template.Expressions.FirstOrDefault() ?? new TemplatePart("", null, null, scalar.At.Line, scalar.At.Column);
        return Guard(recipe, part, () => scalar.Template.Evaluate(scope));
    }

    public static T Guard<T>(Recipe recipe, TemplatePart part, Func<T> evaluate)
    {
        try
        {
            return evaluate();
        }
        catch (ExpressionException e)
        {
            var at = e.Part ?? part;
            throw new PipelineException($"Expression '{at.Source}': {e.Message}", recipe.File, at.Line, at.Column + e.Offset, e.Hint);
        }
    }

    private static ExpressionNode Invalid(TemplatePart part) => throw new ExpressionException("The expression is not valid.", 0);
}
