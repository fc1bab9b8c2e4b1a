using DubAgent.Core.Expressions;

namespace DubAgent.Core.Pipelines;

/// <summary>A loaded recipe: typed inputs, steps (each one tool call) and outputs, every part with its position.</summary>
public sealed record Recipe(
    string File,
    string Name,
    string? Description,
    IReadOnlyList<RecipeInput> Inputs,
    IReadOnlyList<RecipeStep> Steps,
    IReadOnlyList<RecipeOutput> Outputs)
{
    public RecipeStep? FindStep(string id) => Steps.FirstOrDefault(s => s.Id == id);

    public RecipeInput? FindInput(string name) => Inputs.FirstOrDefault(i => i.Name == name);
}

/// <param name="Type">file, string, number, integer or boolean.</param>
public sealed record RecipeInput(
    string Name,
    string Type,
    bool Required,
    RecipeScalar? Default,
    IReadOnlyList<string>? Enum,
    string? Description,
    SourcePosition At);

/// <summary>One tool call: `id`, `tool`, `with` (its arguments), an optional `when` and an optional `engine` choice.</summary>
public sealed record RecipeStep(
    string Id,
    SourcePosition At,
    string Tool,
    SourcePosition ToolAt,
    RecipeMap With,
    TemplatePart? When,
    EngineChoice? Engine,
    string? Name)
{
    /// <summary>Every expression of the step: arguments, condition and routing.</summary>
    public IEnumerable<TemplatePart> Expressions =>
        With.Expressions
            .Concat(When is null ? [] : [When])
            .Concat(Engine?.Routes.SelectMany(r => (r.When is null ? [] : new[] { r.When }).Concat(r.Use.Expressions)) ?? []);
}

/// <summary>
/// `engine: name`, or `engine: { route: [ { when, use }... ], fallback: [names] }`: the first route whose `when` holds
/// (or that has none) names the engine; when that engine cannot run here, the fallback names are tried in order.
/// </summary>
public sealed record EngineChoice(IReadOnlyList<EngineRoute> Routes, IReadOnlyList<RecipeScalar> Fallback, SourcePosition At);

public sealed record EngineRoute(TemplatePart? When, RecipeScalar Use, SourcePosition At);

public sealed record RecipeOutput(string Name, SourcePosition At, RecipeValue Value);
