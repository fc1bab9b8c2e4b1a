using DubAgent.Core.Tools;

namespace DubAgent.Core.Calls;

/// <summary>
/// One tool call, the single way recipes, MCP, `dubagent call` and cluster workers run a tool: a pipeline of small
/// wrappers (<see cref="DelegatingToolCall"/>) around the tool's own invoke, built by <see cref="ToolCallPipeline"/>.
/// </summary>
public interface IToolCall
{
    Task<ToolCallResult> InvokeAsync(ToolCallRequest request, CancellationToken cancellationToken);
}
