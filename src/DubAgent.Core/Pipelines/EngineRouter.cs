using System.Text.Json;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Expressions;

namespace DubAgent.Core.Pipelines;

/// <summary>
/// Picks a step's engine: the first route whose `when` holds (or the step's engine name), then, when that engine
/// cannot run here, the step's `fallback` engines in order. None runnable is an error naming each with its install hint.
/// </summary>
public sealed class EngineRouter(IEngineRegistry engines)
{
    /// <summary>The recipe's decision for a step that names an engine (route, then fallback); null leaves it to the tool.</summary>
    public async Task<EngineDecision?> DecideAsync(Recipe recipe, RecipeStep step, ITool tool, IExpressionScope scope,
        CancellationToken cancellationToken)
    {
        if (tool.Capability is not { } capability || step.Engine is not { } choice) return null;
        var (asked, reason) = Route(recipe, step, choice, scope);
        var candidates = (asked is null ? [] : new[] { asked }).Concat(choice.Fallback.Select(f => Text(recipe, f, scope)))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (candidates.Count == 0) return null;
        var skipped = new List<string>();
        foreach (var name in candidates)
        {
            var engine = engines.Find(capability, name) ?? throw new PipelineException(
                $"Step '{step.Id}' asks for the unknown {capability} engine '{name}'.", recipe.File, choice.At.Line, choice.At.Column,
                $"Use one of: {string.Join(", ", engines.ForCapability(capability).Select(e => e.Name))}.");
            var status = await engines.StatusAsync(engine, cancellationToken).ConfigureAwait(false);
            if (status.Available)
            {
                if (skipped.Count > 0) reason += $"; fell back to {engine.Name} because {string.Join("; ", skipped)}";
                return new EngineDecision(asked ?? engine.Name, engine.Name, status.Version, reason, skipped);
            }
            skipped.Add($"{engine.Name} is not available ({status.Detail ?? "not installed"}; install: {status.InstallHint ?? "see `dubagent doctor`"})");
        }
        throw new PipelineException($"Step '{step.Id}': no {capability} engine can run here: {string.Join("; ", skipped)}.",
            recipe.File, choice.At.Line, choice.At.Column,
            "Install one of them, or add an engine that runs here (see `dubagent doctor`) to the step's fallback list.");
    }

    /// <summary>
    /// When the recipe decides nothing, the tool resolves its engine itself (once, by the registry's rule). For the cache
    /// key this names the engine the arguments ask for, or else every engine the tool could pick with its status: what
    /// is installed changing changes the key, without predicting the tool's choice.
    /// </summary>
    public async Task<EngineDecision> DefaultAsync(ITool tool, JsonElement arguments, CancellationToken cancellationToken)
    {
        if (tool.Capability is not { } capability) return new EngineDecision(null, null, null, "the tool has no engines", []);
        var named = arguments.ValueKind == JsonValueKind.Object && arguments.TryGetProperty("engine", out var e) && e.ValueKind == JsonValueKind.String
            ? e.GetString()
            : null;
        var states = new List<string>();
        foreach (var engine in engines.ForCapability(capability))
        {
            if (named is not null && !string.Equals(engine.Name, named, StringComparison.OrdinalIgnoreCase)) continue;
            var status = await engines.StatusAsync(engine, cancellationToken).ConfigureAwait(false);
            if (named is not null) return new EngineDecision(named, engine.Name, status.Version, "named in 'with'", []);
            states.Add(status.Available ? $"{engine.Name}@{status.Version}" : $"{engine.Name}:unavailable");
        }
        return new EngineDecision(named, named, named is null ? string.Join(",", states) : null,
            named is null ? "the tool's default (the first engine that can run here)" : "named in 'with'", []);
    }

    private static (string? Asked, string Reason) Route(Recipe recipe, RecipeStep step, EngineChoice choice, IExpressionScope scope)
    {
        for (var i = 0; i < choice.Routes.Count; i++)
        {
            var route = choice.Routes[i];
            if (route.When is null)
                return (Text(recipe, route.Use, scope), choice.Routes.Count == 1 ? "the step's engine" : $"route {i + 1} (no condition)");
            if (Evaluation.IsTrue(recipe, route.When, scope))
                return (Text(recipe, route.Use, scope), $"route {i + 1}: {route.When.Source}");
        }
        return (null, "no route matched");
    }

    private static string Text(Recipe recipe, RecipeScalar name, IExpressionScope scope)
    {
        var value = Evaluation.Evaluate(recipe, name, scope);
        if (value.Kind != ExpressionValueKind.String || value.AsString.Length == 0)
            throw new PipelineException($"An engine name must be text, not {value.Describe()}.", recipe.File, name.At.Line, name.At.Column);
        return value.AsString;
    }
}
