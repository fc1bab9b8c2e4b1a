using DubAgent.Core.Tools;

namespace DubAgent.Core.Calls;

/// <summary>A wrapper around the rest of the call pipeline (the shape of Microsoft.Extensions.AI's DelegatingChatClient).</summary>
public abstract class DelegatingToolCall(IToolCall inner) : IToolCall
{
    protected IToolCall Inner { get; } = inner;

    public virtual Task<ToolCallResult> InvokeAsync(ToolCallRequest request, CancellationToken cancellationToken) =>
        Inner.InvokeAsync(request, cancellationToken);
}
