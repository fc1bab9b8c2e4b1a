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

    /// <summary>
    /// The JSON Schema of the tool's result (what `steps.ID.FIELD` may read, and MCP's outputSchema). "required" lists only
    /// what every result holds: a null is left out of the JSON (<see cref="DubAgentJson"/>), so nullable fields are optional.
    /// </summary>
    public JsonElement ResultFor(ITool tool) => _results.GetOrAdd(tool.ResultType, type =>
    {
        var schema = JsonNode.Parse(AIJsonUtilities.CreateJsonSchema(type, description: null, serializerOptions: DubAgentJson.Options).GetRawText())!;
        OnlyPresentFieldsRequired(schema);
        return JsonSerializer.SerializeToElement(schema);
    });

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

    private static void OnlyPresentFieldsRequired(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject schema:
                if (schema["required"] is JsonArray required && schema["properties"] is JsonObject properties)
                {
                    var kept = required.Select(r => r?.GetValue<string>()).Where(name => name is not null && !AllowsNull(properties[name])).ToList();
                    if (kept.Count == 0) schema.Remove("required");
                    else schema["required"] = new JsonArray(kept.Select(k => (JsonNode)JsonValue.Create(k)!).ToArray());
                }
                foreach (var (_, child) in schema.ToList()) OnlyPresentFieldsRequired(child);
                break;
            case JsonArray items:
                foreach (var child in items) OnlyPresentFieldsRequired(child);
                break;
        }
    }

    private static bool AllowsNull(JsonNode? propertySchema) => propertySchema switch
    {
        JsonObject { } s when s["type"] is JsonArray types => types.Any(t => t?.GetValue<string>() == "null"),
        JsonObject { } s when s["type"] is JsonValue type => type.GetValue<string>() == "null",
        JsonObject { } s when s["anyOf"] is JsonArray options => options.Any(AllowsNull),
        JsonObject { } s => !s.ContainsKey("type") && !s.ContainsKey("anyOf") && !s.ContainsKey("$ref"),
        _ => true,
    };

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
