using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Tools;
using ModelContextProtocol.Protocol;

namespace DubAgent.Server.Tools;

/// <summary>
/// What tools/list shows of one <see cref="ITool"/>: its name, description and argument schema (from the shared
/// generator, plus the server's `job` and `background` arguments for tools that run in a job). Made once per server,
/// shared by every session.
/// </summary>
public sealed record McpToolDefinition(ITool Tool, Tool Protocol)
{
    public static McpToolDefinition Of(ITool tool, ToolInvoker invoker) => new(tool, new Tool
    {
        Name = tool.Name,
        Description = tool.Description,
        InputSchema = InputSchema(tool, invoker),
        Annotations = tool is IServerTool { Kind: ServerToolKind.Query }
            ? new ToolAnnotations { ReadOnlyHint = true, OpenWorldHint = false }
            : new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = false, OpenWorldHint = false },
    });

    private static JsonElement InputSchema(ITool tool, ToolInvoker invoker)
    {
        var schema = invoker.SchemaOf(tool);
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
