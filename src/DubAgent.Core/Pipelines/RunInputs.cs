using System.Globalization;
using DubAgent.Core.Expressions;

namespace DubAgent.Core.Pipelines;

/// <summary>
/// The values of a run's inputs: given ones (text from the command line) converted to the declared type, defaults for
/// the rest. Problems point at the input's declaration in the recipe.
/// </summary>
public static class RunInputs
{
    public static IReadOnlyDictionary<string, ExpressionValue> Bind(Recipe recipe, IReadOnlyDictionary<string, string> given,
        List<RecipeProblem> problems)
    {
        var values = new Dictionary<string, ExpressionValue>(StringComparer.Ordinal);
        foreach (var name in given.Keys.Where(k => recipe.FindInput(k) is null))
            problems.Add(new RecipeProblem(recipe.File, 1, 1, $"The recipe '{recipe.Name}' has no input '{name}'.",
                recipe.Inputs.Count == 0 ? "It takes no inputs." : $"Its inputs are: {string.Join(", ", recipe.Inputs.Select(i => i.Name))}."));
        foreach (var input in recipe.Inputs)
        {
            if (given.TryGetValue(input.Name, out var text))
            {
                values[input.Name] = Convert(recipe, input, text, "The value", problems);
            }
            else if (input.Default is { } d && !d.IsPlainNull)
            {
                values[input.Name] = Convert(recipe, input, d.Text, "The default", problems, d.At);
            }
            else
            {
                if (input.Required)
                    problems.Add(new RecipeProblem(recipe.File, input.At.Line, input.At.Column, $"The required input '{input.Name}' was not given.",
                        input.Type == "file" ? $"Pass it with --input {input.Name}=PATH." : $"Pass it with --set {input.Name}=VALUE."));
                values[input.Name] = ExpressionValue.Null;
            }
        }
        return values;
    }

    /// <summary>Checks defaults alone (validation without a run).</summary>
    public static void CheckDefaults(Recipe recipe, List<RecipeProblem> problems)
    {
        foreach (var input in recipe.Inputs)
        {
            if (input.Default is { } d && !d.IsPlainNull && input.Type != "file") Convert(recipe, input, d.Text, "The default", problems, d.At);
            if (input.Required && input.Default is { IsPlainNull: false })
                problems.Add(new RecipeProblem(recipe.File, input.At.Line, input.At.Column,
                    $"Input '{input.Name}' is required and has a default; one of them is never used.", "Remove 'required' or the default."));
        }
    }

    private static ExpressionValue Convert(Recipe recipe, RecipeInput input, string text, string what, List<RecipeProblem> problems,
        SourcePosition? at = null)
    {
        var where = at ?? input.At;
        void Problem(string message, string? hint = null) =>
            problems.Add(new RecipeProblem(recipe.File, where.Line, where.Column, message, hint));

        if (input.Enum is { } allowed && !allowed.Contains(text))
        {
            Problem($"{what} '{text}' of input '{input.Name}' is not allowed.", $"Use one of: {string.Join(", ", allowed)}.");
            return ExpressionValue.Null;
        }
        switch (input.Type)
        {
            case "number":
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                    return ExpressionValue.Of(number);
                Problem($"{what} '{text}' of input '{input.Name}' is not a finite number.", "Write it like 12 or 0.5.");
                return ExpressionValue.Null;
            case "integer":
                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole)) return ExpressionValue.Of(whole);
                Problem($"{what} '{text}' of input '{input.Name}' is not a whole number.", "Write it like 2.");
                return ExpressionValue.Null;
            case "boolean":
                if (text is "true" or "false") return ExpressionValue.Of(text == "true");
                Problem($"{what} '{text}' of input '{input.Name}' is not true or false.");
                return ExpressionValue.Null;
            case "file":
                var full = Path.GetFullPath(text);
                if (!File.Exists(full))
                {
                    Problem($"{what} of input '{input.Name}', '{text}', is not an existing file.", "Check the path (relative paths start from the current folder).");
                    return ExpressionValue.Null;
                }
                return ExpressionValue.Of(full);
            default:
                return ExpressionValue.Of(text);
        }
    }
}
