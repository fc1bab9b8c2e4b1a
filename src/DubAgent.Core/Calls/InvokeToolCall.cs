using DubAgent.Core.Tools;

namespace DubAgent.Core.Calls;

/// <summary>The innermost call: the tool's own invoke, timed, its result also as snake_case JSON.</summary>
public sealed class InvokeToolCall(ToolInvoker invoker) : IToolCall
{
    public Task<ToolCallResult> InvokeAsync(ToolCallRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return invoker.InvokeAsync(request.Tool, request.Arguments, request.Context);
    }
}
