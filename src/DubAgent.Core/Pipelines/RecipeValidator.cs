using System.Text.Json;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Expressions;
using DubAgent.Core.Paths;
using DubAgent.Core.Tools;

namespace DubAgent.Core.Pipelines;

/// <summary>
/// Checks a whole recipe before anything runs: tools and engines exist, arguments are known and of the right type,
/// required arguments and inputs are given, expressions parse and read only declared inputs and earlier steps.
/// </summary>
public sealed class RecipeValidator(IToolRegistry tools, IEngineRegistry engines, ToolSchemas schemas)
{
    /// <summary>Every problem of the recipe; with <paramref name="inputs"/>, also the run's input values.</summary>
    public IReadOnlyList<RecipeProblem> Validate(Recipe recipe, IReadOnlyDictionary<string, string>? inputs = null)
    {
        var problems = new List<RecipeProblem>();
        if (inputs is null) RunInputs.CheckDefaults(recipe, problems);
        else RunInputs.Bind(recipe, inputs, problems);

        var checker = new ExpressionChecker(recipe, tools, schemas, problems);
        for (var index = 0; index < recipe.Steps.Count; index++)
            CheckStep(recipe, recipe.Steps[index], index, checker, problems);
        foreach (var output in recipe.Outputs)
            foreach (var part in output.Value.Expressions)
                checker.Check(part, recipe.Steps.Count, $"output '{output.Name}'");
        return problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ToList();
    }

    /// <summary>Loads and validates a file; its problems (syntax included) in order.</summary>
    public (Recipe? Recipe, IReadOnlyList<RecipeProblem> Problems) ValidateFile(string path, IReadOnlyDictionary<string, string>? inputs = null)
    {
        var (recipe, problems) = RecipeLoader.LoadFile(path);
        if (recipe is null) return (null, problems);
        return (recipe, problems.Concat(Validate(recipe, inputs)).OrderBy(p => p.Line).ThenBy(p => p.Column).ToList());
    }

    private void CheckStep(Recipe recipe, RecipeStep step, int index, ExpressionChecker checker, List<RecipeProblem> problems)
    {
        void Problem(SourcePosition at, string message, string? hint = null) =>
            problems.Add(new RecipeProblem(recipe.File, at.Line, at.Column, message, hint));

        var where = $"step '{step.Id}'";
        foreach (var part in step.With.Expressions) checker.Check(part, index, where);
        if (step.When is { } when && checker.Check(when, index, where) is { } whenType and not "boolean")
            Problem(new(when.Line, when.Column), $"'when' of {where} must be a condition (true or false), not a {whenType}.",
                "Compare it, e.g. ${{ inputs.budget == 'low' }}.");

        var tool = tools.Find(step.Tool);
        if (tool is null)
        {
            if (step.Tool.Length > 0)
                Problem(step.ToolAt, $"Unknown tool '{step.Tool}' in {where}.",
                    $"Known tools: {string.Join(", ", tools.All.Select(t => t.Name))}.");
            return;
        }

        var schema = schemas.For(tool);
        var outputs = OutputPathRule.ArgumentsOf(tool.ArgumentsType);
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        foreach (var entry in step.With.Entries)
        {
            if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(entry.Key, out var propertySchema))
            {
                Problem(entry.KeyAt, $"'{tool.Name}' has no argument '{entry.Key}'.",
                    $"Its arguments are: {string.Join(", ", properties.ValueKind == JsonValueKind.Object ? properties.EnumerateObject().Select(x => x.Name) : [])}.");
                continue;
            }
            if (entry.Key == "engine" && step.Engine is not null)
                Problem(entry.KeyAt, $"{where} sets its engine twice: in 'with' and in 'engine'.", "Keep the step's 'engine' and remove it from 'with'.");
            if (entry.Value.Expressions.Any()) continue;
            if (outputs.Contains(entry.Key) && entry.Value is RecipeScalar { IsPlainNull: false } output && !OutputPathRule.StaysInside(output.Text))
                Problem(entry.Value.At, $"{where}: {entry.Key} '{output.Text}' leaves the step's folder; a step writes only inside its own folder.",
                    $"Give a file name or a relative path inside the step folder, e.g. {entry.Key}: result{Path.GetExtension(output.Text)}.");
            try
            {
                var json = JsonSerializer.SerializeToElement(StepArguments.Value(entry.Value, propertySchema, scope: null));
                ToolArgumentBinder.CheckValue(tool, entry.Key, json, propertySchema);
            }
            catch (InputException e)
            {
                Problem(entry.Value.At, e.Message, e.Hint);
            }
        }
        foreach (var required in ArgumentShape.Of(tool.ArgumentsType).Required)
        {
            if (step.With.Find(required) is null)
                Problem(step.At, $"{where} does not give '{required}', which '{tool.Name}' needs.",
                    $"Add it under 'with:', e.g. {required}: ${{{{ inputs.{required} }}}}.");
        }

        if (step.Engine is { } engine) CheckEngine(step, tool, engine, index, checker, Problem);
    }

    private void CheckEngine(RecipeStep step, ITool tool, EngineChoice engine, int index, ExpressionChecker checker,
        Action<SourcePosition, string, string?> problem)
    {
        if (tool.Capability is not { } capability || !typeof(IEngineArguments).IsAssignableFrom(tool.ArgumentsType))
        {
            problem(engine.At, $"'{tool.Name}' does not take an engine, so step '{step.Id}' cannot set one.", "Remove 'engine' from this step.");
            return;
        }
        var known = engines.ForCapability(capability).Select(e => e.Name).ToList();
        void CheckName(RecipeScalar name)
        {
            if (name.Template.HasExpressions)
            {
                foreach (var part in name.Expressions) checker.Check(part, index, $"step '{step.Id}'");
                return;
            }
            if (engines.Find(capability, name.Text) is null)
                problem(name.At, $"Unknown {capability} engine '{name.Text}' in step '{step.Id}'.",
                    known.Count == 0 ? $"No {capability} engine is registered." : $"Use one of: {string.Join(", ", known)}.");
        }
        foreach (var route in engine.Routes)
        {
            if (route.When is { } when && checker.Check(when, index, $"step '{step.Id}'") is { } type and not "boolean")
                problem(new(when.Line, when.Column), $"A route's 'when' must be a condition (true or false), not a {type}.", null);
            CheckName(route.Use);
        }
        foreach (var fallback in engine.Fallback) CheckName(fallback);
    }
}
