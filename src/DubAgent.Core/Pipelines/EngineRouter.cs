using System.Text.Json.Nodes;
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
    public async Task<EngineDecision> DecideAsync(Recipe recipe, RecipeStep step, ITool tool, JsonObject arguments, IExpressionScope scope,
        CancellationToken cancellationToken)
    {
        if (tool.Capability is not { } capability) return new EngineDecision(null, null, null, "the tool has no engines", []);

        string? asked;
        string reason;
        if (step.Engine is { } choice)
        {
            (asked, reason) = Route(recipe, step, choice, scope);
            var candidates = (asked is null ? [] : new[] { asked }).Concat(choice.Fallback.Select(f => Text(recipe, f, scope)))
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (asked is null && candidates.Count == 0) return await DefaultAsync(capability, null, reason, cancellationToken).ConfigureAwait(false);
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

        var named = arguments["engine"]?.GetValue<string>();
        return await DefaultAsync(capability, named, named is null ? "the tool's default (the first engine that can run here)" : "named in 'with'",
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>For the cache key: the engine the tool itself will pick (named, or the first available).</summary>
    private async Task<EngineDecision> DefaultAsync(string capability, string? named, string reason, CancellationToken cancellationToken)
    {
        foreach (var engine in engines.ForCapability(capability))
        {
            if (named is not null && !string.Equals(engine.Name, named, StringComparison.OrdinalIgnoreCase)) continue;
            var status = await engines.StatusAsync(engine, cancellationToken).ConfigureAwait(false);
            if (status.Available || named is not null) return new EngineDecision(named, engine.Name, status.Version, reason, []);
        }
        return new EngineDecision(named, named, null, reason, []);
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
