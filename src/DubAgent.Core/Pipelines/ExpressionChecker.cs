using DubAgent.Abstractions.Tools;
using DubAgent.Core.Expressions;
using DubAgent.Core.Tools;

namespace DubAgent.Core.Pipelines;

/// <summary>
/// Checks an expression before anything runs: every path names a declared input or a field of an earlier step's
/// result, and operators get operands of a fitting type where the types are known.
/// </summary>
public sealed class ExpressionChecker(Recipe recipe, IToolRegistry tools, ToolSchemas schemas, List<RecipeProblem> problems)
{
    /// <summary>Checks one expression used at <paramref name="stepIndex"/> (the number of steps before it; all steps for outputs).</summary>
    /// <returns>The expression's type when known ("boolean", "number", "string", ...).</returns>
    public string? Check(TemplatePart part, int stepIndex, string where)
    {
        if (part.Expression is null) return null;
        return TypeOf(part.Expression, part, stepIndex, where);
    }

    private string? TypeOf(ExpressionNode node, TemplatePart part, int stepIndex, string where)
    {
        switch (node)
        {
            case LiteralNode literal:
                return literal.Value.Kind switch
                {
                    ExpressionValueKind.Boolean => "boolean",
                    ExpressionValueKind.Number => "number",
                    ExpressionValueKind.String => "string",
                    _ => "null",
                };
            case PathNode path:
                return PathType(path, part, stepIndex, where);
            case NotNode not:
                RequireBoolean(TypeOf(not.Operand, part, stepIndex, where), not.Operand, part, "!");
                return "boolean";
            case BinaryNode { Operator: TokenKind.And or TokenKind.Or } logic:
                var op = logic.Operator == TokenKind.And ? "&&" : "||";
                RequireBoolean(TypeOf(logic.Left, part, stepIndex, where), logic.Left, part, op);
                RequireBoolean(TypeOf(logic.Right, part, stepIndex, where), logic.Right, part, op);
                return "boolean";
            case BinaryNode compare:
                var left = Normalize(TypeOf(compare.Left, part, stepIndex, where));
                var right = Normalize(TypeOf(compare.Right, part, stepIndex, where));
                var ordering = compare.Operator is not (TokenKind.Equal or TokenKind.NotEqual);
                if (ordering && (left is not (null or "number" or "string") || right is not (null or "number" or "string") || left is not null && right is not null && left != right))
                    Problem(part, compare.Offset, $"Cannot order {left ?? "a value"} and {right ?? "a value"} with this operator.",
                        "'<', '<=', '>' and '>=' compare two numbers or two strings.");
                else if (!ordering && left is not (null or "null") && right is not (null or "null") && left != right)
                    Problem(part, compare.Offset, $"This compares a {left} with a {right}; it is never equal.",
                        right == "string" ? "Compare numbers without quotes: duration < 300." : "Compare values of the same type.");
                return "boolean";
            default:
                return null;
        }
    }

    /// <summary>Integer and number compare with each other; files are paths (strings).</summary>
    private static string? Normalize(string? type) => type switch
    {
        "integer" => "number",
        "file" => "string",
        _ => type,
    };

    private void RequireBoolean(string? type, ExpressionNode node, TemplatePart part, string op)
    {
        if (type is null or "boolean") return;
        Problem(part, node.Offset, $"'{op}' needs true or false, but this is a {type}.", "Compare it to get a condition, e.g. steps.probe.duration < 300.");
    }

    private string? PathType(PathNode path, TemplatePart part, int stepIndex, string where)
    {
        var segments = path.Segments;
        switch (segments[0])
        {
            case "inputs":
                if (segments.Count != 2)
                {
                    Problem(part, path.Offset, $"'{path}' must be inputs.<name>.");
                    return null;
                }
                var input = recipe.FindInput(segments[1]);
                if (input is null)
                {
                    Problem(part, path.Offset, $"'{path}': the recipe has no input '{segments[1]}'.",
                        recipe.Inputs.Count == 0 ? "Declare it under 'inputs'." : $"Its inputs are: {string.Join(", ", recipe.Inputs.Select(i => i.Name))}.");
                    return null;
                }
                return input.Type;
            case "steps":
                if (segments.Count < 3)
                {
                    Problem(part, path.Offset, $"'{path}' must name a field of a step's result: steps.<id>.<field>.");
                    return null;
                }
                var index = recipe.Steps.ToList().FindIndex(s => s.Id == segments[1]);
                if (index < 0)
                {
                    Problem(part, path.Offset, $"'{path}': there is no step '{segments[1]}'.",
                        $"Steps: {string.Join(", ", recipe.Steps.Select(s => s.Id))}.");
                    return null;
                }
                if (index >= stepIndex)
                {
                    Problem(part, path.Offset, index == stepIndex
                            ? $"'{path}': {where} reads its own step's result."
                            : $"'{path}': step '{segments[1]}' comes later; {where} can only read earlier steps.",
                        "Move the step it reads above, or read another step's result.");
                    return null;
                }
                if (tools.Find(recipe.Steps[index].Tool) is not { } tool) return null;
                var (type, error) = ResultFields.Find(schemas.ResultFor(tool), segments.Skip(2).ToList(), tool.Name);
                if (error is not null) Problem(part, path.Offset, $"'{path}': {error}");
                return type;
            default:
                Problem(part, path.Offset, $"'{path}' is not something an expression can read.",
                    "Expressions read inputs.<name> and steps.<id>.<field>; strings need quotes: 'text'.");
                return null;
        }
    }

    private void Problem(TemplatePart part, int offset, string message, string? hint = null) =>
        problems.Add(new RecipeProblem(recipe.File, part.Line, part.Column + offset, message, hint));
}
