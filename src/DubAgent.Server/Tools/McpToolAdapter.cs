using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Abstractions.Tools;
using DubAgent.Server.Hosting;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DubAgent.Server.Tools;

/// <summary>
/// One <see cref="ITool"/> as an MCP tool: its name, description and argument schema (from the shared generator,
/// plus the server's `job` and `background` arguments for tools that run in a job), invoked through
/// <see cref="ToolCallRunner"/>.
/// </summary>
public sealed class McpToolAdapter : McpServerTool
{
    private readonly ITool _tool;
    private readonly ToolCallRunner _runner;
    private readonly McpSessionState _session;

    public McpToolAdapter(ITool tool, ToolCallRunner runner, McpSessionState session)
    {
        _tool = tool;
        _runner = runner;
        _session = session;
        ProtocolTool = new Tool
        {
            Name = tool.Name,
            Description = tool.Description,
            InputSchema = InputSchema(tool, runner),
            Annotations = tool is IServerTool { Kind: ServerToolKind.Query }
                ? new ToolAnnotations { ReadOnlyHint = true, OpenWorldHint = false }
                : new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = false, OpenWorldHint = false },
        };
    }

    public override Tool ProtocolTool { get; }

    public override IReadOnlyList<object> Metadata => [];

    public override ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken) =>
        _runner.RunAsync(_tool, request, _session, cancellationToken);

    private static JsonElement InputSchema(ITool tool, ToolCallRunner runner)
    {
        var schema = runner.Invoker.SchemaOf(tool);
        if (!ToolCallRunner.RunsInJob(tool)) return schema;
        var node = JsonNode.Parse(schema.GetRawText())!.AsObject();
        if (node["properties"] is not JsonObject properties) node["properties"] = properties = new JsonObject();
        if (!ToolCallRunner.OwnsArgument(tool, ToolCallRunner.JobArgument))
            properties[ToolCallRunner.JobArgument] = new JsonObject
            {
                ["type"] = "string",
                ["description"] = "The job to add this call to (the `job` of an earlier result), so all outputs of one dub stay in one folder. " +
                                  "Omit to start a new job. Outputs are resources dubagent://jobs/{job}/{step}/{file}.",
            };
        if (!ToolCallRunner.OwnsArgument(tool, ToolCallRunner.BackgroundArgument))
            properties[ToolCallRunner.BackgroundArgument] = new JsonObject
            {
                ["type"] = "boolean",
                ["description"] = "true: return at once with the job id and keep working in the background (follow with get_job, stop with cancel_job). " +
                                  "Default false: wait for the result, with progress notifications.",
            };
        return JsonSerializer.SerializeToElement(node);
    }
}
