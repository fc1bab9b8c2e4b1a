using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Tools;
using Microsoft.Extensions.AI;

namespace DubAgent.Core.Tools;

/// <summary>
/// The JSON Schema of each tool's arguments, generated from <see cref="ITool.ArgumentsType"/> and its [Description]
/// attributes. "required" lists exactly what binding requires, and the `engine` argument names the capability's engines.
/// </summary>
public sealed class ToolSchemas(IEngineRegistry engines)
{
    private readonly ConcurrentDictionary<ITool, JsonElement> _cache = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<Type, JsonElement> _results = new();

    public JsonElement For(ITool tool) => _cache.GetOrAdd(tool, Create);

    /// <summary>The JSON Schema of the tool's result (what `steps.ID.FIELD` may read).</summary>
    public JsonElement ResultFor(ITool tool) => _results.GetOrAdd(tool.ResultType, type =>
        AIJsonUtilities.CreateJsonSchema(type, description: null, serializerOptions: DubAgentJson.Options));

    /// <summary>The schema's "type" of one property (string, integer, number, boolean, array, object), or null when unknown.</summary>
    public static string? TypeOf(JsonElement propertySchema)
    {
        if (!propertySchema.TryGetProperty("type", out var type))
            return propertySchema.TryGetProperty("enum", out _) ? "string" : null;
        if (type.ValueKind == JsonValueKind.String) return type.GetString();
        if (type.ValueKind == JsonValueKind.Array)
            return type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t is not null and not "null");
        return null;
    }

    private JsonElement Create(ITool tool)
    {
        var schema = AIJsonUtilities.CreateJsonSchema(tool.ArgumentsType, description: null,
            serializerOptions: DubAgentJson.Options);
        var node = JsonNode.Parse(schema.GetRawText())!.AsObject();
        node["required"] = new JsonArray(ArgumentShape.Of(tool.ArgumentsType).Required
            .Select(r => (JsonNode)JsonValue.Create(r)!).ToArray());
        if (node["required"]!.AsArray().Count == 0) node.Remove("required");
        if (tool.Capability is { } capability && node["properties"]?["engine"] is JsonObject engine)
            engine["description"] = EngineDescription(engine["description"]?.GetValue<string>(), capability);
        return JsonSerializer.SerializeToElement(node);
    }

    private string EngineDescription(string? own, string capability)
    {
        var names = engines.ForCapability(capability).Select(e => e.Name).ToList();
        var list = names.Count == 0 ? "none registered" : string.Join(", ", names);
        var prefix = string.IsNullOrWhiteSpace(own) ? $"The {capability} engine to use." : own.TrimEnd();
        return $"{prefix} Engines (in order of preference): {list}.";
    }
}
