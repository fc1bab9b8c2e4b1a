using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Expressions;
using DubAgent.Core.Tools;

namespace DubAgent.Core.Pipelines;

/// <summary>A recipe step made ready to call: its tool, its arguments bound once into the tool's record, and the recipe's engine decision.</summary>
public sealed record BoundStep(ITool Tool, object Arguments, EngineDecision? Engine);

/// <summary>
/// Turns a recipe step into a call the same way wherever it runs (the local runner, a cluster worker): the arguments
/// from its `with:` and the results it reads, the engine the recipe routes to on this machine written into them (the
/// tool then finds that engine by name and resolves nothing again), then one bind; bad arguments name the step's line.
/// </summary>
public sealed class StepBinder(ToolInvoker invoker, EngineRouter router)
{
    public async Task<BoundStep> BindAsync(Recipe recipe, RecipeStep step, IExpressionScope scope, CancellationToken cancellationToken)
    {
        var tool = invoker.Require(step.Tool);
        var arguments = Evaluation.Guard(recipe, step.With.Expressions.FirstOrDefault() ?? new TemplatePart("", null, null, step.At.Line, step.At.Column),
            () => StepArguments.Build(step.With, invoker.SchemaOf(tool), scope));
        var decision = await router.DecideAsync(recipe, step, tool, scope, cancellationToken).ConfigureAwait(false);
        if (decision?.Ran is { } chosen) arguments["engine"] = chosen;
        try
        {
            return new BoundStep(tool, invoker.Bind(tool, arguments), decision);
        }
        catch (InputException e)
        {
            throw new PipelineException($"Step '{step.Id}': {e.Message}", recipe.File, step.At.Line, step.At.Column, e.Hint, e);
        }
    }
}
