using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;

namespace DubAgent.Core.Tools;

/// <summary>
/// Calls tools the one way MCP, recipes and `dubagent call` share: find by name, schema, bind JSON arguments to the
/// typed argument object, invoke with a <see cref="ToolContext"/>, and return the result typed and as snake_case JSON.
/// Free of MCP types: the server adapts it.
/// </summary>
public sealed class ToolInvoker(IToolRegistry tools, ToolSchemas schemas, ToolArgumentBinder binder)
{
    public IReadOnlyList<ITool> All => tools.All;

    /// <summary>The tool of that name, or InputException listing the known names.</summary>
    public ITool Require(string name) =>
        tools.Find(name) ?? throw new InputException($"There is no tool named '{name}'.",
            tools.All.Count == 0 ? "No tools are registered." : $"Known tools: {string.Join(", ", tools.All.Select(t => t.Name))}.");

    /// <summary>The JSON Schema of the tool's arguments (an object schema with properties, descriptions and required).</summary>
    public JsonElement SchemaOf(ITool tool) => schemas.For(tool);

    /// <summary>The JSON Schema of the tool's result (the fields `steps.ID.FIELD` reads in recipes).</summary>
    public JsonElement ResultSchemaOf(ITool tool) => schemas.ResultFor(tool);

    public object Bind(ITool tool, JsonElement arguments) => binder.Bind(tool, arguments);

    public object Bind(ITool tool, JsonObject arguments) => binder.Bind(tool, arguments);

    /// <summary>Command-line `name=value` pairs converted by the schema's types (numbers, booleans, lists, objects as JSON).</summary>
    public JsonObject ArgumentsFromPairs(ITool tool, IEnumerable<string> pairs) => binder.FromPairs(tool, pairs);

    public async Task<ToolCallResult> InvokeAsync(ITool tool, object arguments, ToolContext context)
    {
        if (!tool.ArgumentsType.IsInstanceOfType(arguments))
            throw new ArgumentException($"'{tool.Name}' takes {tool.ArgumentsType.Name}, not {arguments.GetType().Name}.", nameof(arguments));
        Directory.CreateDirectory(context.WorkDirectory);
        context.CancellationToken.ThrowIfCancellationRequested();
        var started = DateTimeOffset.UtcNow;
        var result = await tool.InvokeAsync(arguments, context).ConfigureAwait(false);
        var ended = DateTimeOffset.UtcNow;
        var json = JsonSerializer.SerializeToElement(result, tool.ResultType, DubAgentJson.Options);
        return new ToolCallResult(tool, arguments, result, json, context.Report, started, ended);
    }

    public Task<ToolCallResult> InvokeAsync(string toolName, JsonElement arguments, ToolContext context)
    {
        var tool = Require(toolName);
        return InvokeAsync(tool, Bind(tool, arguments), context);
    }

    /// <summary>A few lines about a result for people (CLI output, MCP text content).</summary>
    public static string Summarize(ToolCallResult result) => ToolResultSummary.Describe(result.Json, result.Report);

    /// <summary>The arguments as snake_case JSON (for records and logs).</summary>
    public static JsonElement ArgumentsJson(ITool tool, object arguments) =>
        JsonSerializer.SerializeToElement(arguments, tool.ArgumentsType, DubAgentJson.Options);
}
