using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Tools;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;

namespace DubAgent.Server.Tools;

/// <summary>
/// What tools/list shows of one <see cref="ITool"/>: its name, description, input schema (from the shared generator,
/// plus the server's `job` and `background` arguments for tools that run in a job), output schema (the typed result,
/// inside the <see cref="JobCallResult"/> envelope for tools that run in a job) and annotations that say what a call
/// does. Made once per server, shared by every session. The `job` and `background` arguments repeat in every job
/// tool, so their descriptions stay short (the server instructions explain jobs once).
/// </summary>
public sealed record McpToolDefinition(ITool Tool, Tool Protocol)
{
    /// <summary>Capabilities with engines that call a network service (openai, llm, elevenlabs, a cloning server).</summary>
    private static readonly HashSet<string> NetworkCapabilities = [Capabilities.Transcribe, Capabilities.Translate, Capabilities.Synthesize];

    public static McpToolDefinition Of(ITool tool, ToolInvoker invoker) => new(tool, new Tool
    {
        Name = tool.Name,
        Description = tool.Description,
        InputSchema = InputSchema(tool, invoker),
        OutputSchema = OutputSchema(tool, invoker),
        Annotations = Annotations(tool),
    });

    private static ToolAnnotations Annotations(ITool tool) => tool switch
    {
        // Stops work and throws away what a stopped step had half done; stopping twice is stopping once.
        CancelJobTool => new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = true, IdempotentHint = true, OpenWorldHint = false },
        IServerTool { Kind: ServerToolKind.Query } => new ToolAnnotations { ReadOnlyHint = true, IdempotentHint = true, OpenWorldHint = false },
        // Re-run in an earlier job, a recipe's steps replace their own earlier outputs; its steps may use network engines.
        RunPipelineTool => new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = true, IdempotentHint = false, OpenWorldHint = true },
        // Each call adds a new step folder to its job: additive, never idempotent.
        _ => new ToolAnnotations
        {
            ReadOnlyHint = false,
            DestructiveHint = false,
            IdempotentHint = false,
            OpenWorldHint = tool.Capability is { } capability && NetworkCapabilities.Contains(capability),
        },
    };

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
                ["description"] = "An earlier result's job id, to add this call to it (one dub, one folder); omit to start a new job.",
            };
        if (!ToolCallRunner.OwnsArgument(tool, ToolCallRunner.BackgroundArgument))
            properties[ToolCallRunner.BackgroundArgument] = new JsonObject
            {
                ["type"] = "boolean",
                ["description"] = "true: answer at once (status 'working') and go on in the background. Default false: wait, up to the server's wait.",
            };
        return JsonSerializer.SerializeToElement(node);
    }

    /// <summary>The typed result's schema; for job calls, the envelope with that schema as its `result`.</summary>
    private static JsonElement OutputSchema(ITool tool, ToolInvoker invoker)
    {
        var result = invoker.ResultSchemaOf(tool);
        if (!ToolCallRunner.RunsInJob(tool)) return result;
        var envelope = JsonNode.Parse(EnvelopeSchema.GetRawText())!.AsObject();
        var properties = envelope["properties"]!.AsObject();
        var description = properties["result"]?["description"]?.GetValue<string>();
        var typed = JsonNode.Parse(result.GetRawText())!.AsObject();
        if (description is not null) typed["description"] = description;
        properties["result"] = typed;
        properties["status"]!["enum"] = new JsonArray(JobCallResult.Succeeded, JobCallResult.Working, JobCallResult.Paused);
        envelope["required"] = new JsonArray("status", "job", "step", "follow");
        return JsonSerializer.SerializeToElement(envelope);
    }

    private static readonly JsonElement EnvelopeSchema =
        AIJsonUtilities.CreateJsonSchema(typeof(JobCallResult), description: null, serializerOptions: DubAgentJson.Options);
}
