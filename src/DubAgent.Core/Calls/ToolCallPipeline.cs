using DubAgent.Core.Pipelines;
using DubAgent.Core.Tools;

namespace DubAgent.Core.Calls;

/// <summary>
/// DubAgent's one call pipeline: provenance handed in memory → recorded step (cache key, reuse, step.json) → the tool.
/// Recipes, MCP, `dubagent call` and cluster workers all call <see cref="InvokeAsync"/>; a host adds its own wrapper with
/// <see cref="Use"/> (outermost first), as ChatClientBuilder.Use does for chat clients.
/// </summary>
public sealed class ToolCallPipeline : IToolCall
{
    private IToolCall _call;

    public ToolCallPipeline(ToolInvoker invoker, EngineRouter router) =>
        _call = new ProvenanceCall(new StepCacheCall(new InvokeToolCall(invoker), router));

    public ToolCallPipeline Use(Func<IToolCall, IToolCall> wrap)
    {
        _call = wrap(_call);
        return this;
    }

    public Task<ToolCallResult> InvokeAsync(ToolCallRequest request, CancellationToken cancellationToken) =>
        _call.InvokeAsync(request, cancellationToken);
}
