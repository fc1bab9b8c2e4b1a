using DubAgent.Server.Roots;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DubAgent.Server.Tools;

/// <summary>One tool for one client session: the shared <see cref="McpToolDefinition"/>, invoked through <see cref="ToolCallRunner"/>.</summary>
public sealed class McpToolAdapter(McpToolDefinition definition, ToolCallRunner runner, McpSessionState session) : McpServerTool
{
    public override Tool ProtocolTool => definition.Protocol;

    public override IReadOnlyList<object> Metadata => [];

    public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken) =>
        runner.RunAsync(definition.Tool, request, session, cancellationToken);
}
