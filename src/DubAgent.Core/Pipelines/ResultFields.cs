using System.Text.Json;
using DubAgent.Core.Tools;

namespace DubAgent.Core.Pipelines;

/// <summary>Finds a field path (`stems.vocals`) in a tool's result schema, to check `steps.ID.FIELD` before running.</summary>
public static class ResultFields
{
    /// <summary>The schema type of the field ("number", "string", ...; null when any), or an error message when it does not exist.</summary>
    public static (string? Type, string? Error) Find(JsonElement schema, IReadOnlyList<string> path, string toolName)
    {
        var current = schema;
        for (var i = 0; i < path.Count; i++)
        {
            if (current.ValueKind != JsonValueKind.Object || current.TryGetProperty("$ref", out _)) return (null, null);
            var type = ToolSchemas.TypeOf(current);
            if (current.TryGetProperty("properties", out var properties) && properties.TryGetProperty(path[i], out var field))
            {
                current = field;
                continue;
            }
            if (current.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object)
            {
                current = additional;
                continue;
            }
            var prefix = string.Join('.', path.Take(i));
            var owner = i == 0 ? $"The result of '{toolName}'" : $"'{prefix}' of '{toolName}'";
            if (type == "array") return (null, $"{owner} is a list; its items cannot be read by name.");
            if (!current.TryGetProperty("properties", out properties) || type is not ("object" or null))
                return (null, $"{owner} is a {type ?? "value"} and has no field '{path[i]}'.");
            var known = string.Join(", ", properties.EnumerateObject().Select(p => p.Name));
            return (null, $"{owner} has no field '{path[i]}'. Its fields: {known}.");
        }
        return (ToolSchemas.TypeOf(current), null);
    }
}
