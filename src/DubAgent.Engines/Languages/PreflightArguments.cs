using System.Text.Json;
using System.Text.Json.Nodes;

namespace DubAgent.Engines.Languages;

/// <summary>Reads the arguments a preflight is given: a value that is absent, null or not text is unknown (null).</summary>
public static class PreflightArguments
{
    public static string? Text(JsonObject arguments, string name) =>
        arguments[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { } text
            && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;

    /// <summary>A map of text to text (`voices`), or null when absent or not such a map.</summary>
    public static IReadOnlyDictionary<string, string>? Map(JsonObject arguments, string name)
    {
        if (arguments[name] is not JsonObject map) return null;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in map)
            if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String) result[key] = value.GetValue<string>();
        return result;
    }
}
