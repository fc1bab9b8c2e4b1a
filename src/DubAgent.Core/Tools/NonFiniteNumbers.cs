using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DubAgent.Core.Tools;

/// <summary>
/// Finds NaN and infinite numbers in tool arguments (1e309 in JSON, NaN from a recipe expression) before they reach a
/// tool or System.Text.Json, which cannot write them: a volume of NaN is never meant, so it is an input error.
/// </summary>
internal static class NonFiniteNumbers
{
    /// <summary>The path ("segments[2].volume") and text ("NaN", "1e309") of the first non-finite number, or null.</summary>
    public static (string Path, string Text)? Find(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                return element.TryGetDouble(out var number) && !double.IsFinite(number) ? (path, element.GetRawText()) : null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    if (Find(item, $"{path}[{index++}]") is { } found) return found;
                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    if (Find(property.Value, $"{path}.{property.Name}") is { } found) return found;
                return null;
            default:
                return null;
        }
    }

    /// <inheritdoc cref="Find(JsonElement, string)"/>
    public static (string Path, string Text)? Find(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue<JsonElement>(out var element):
                return Find(element, path);
            case JsonValue value when value.TryGetValue<double>(out var number) && !double.IsFinite(number):
                return (path, number.ToString(CultureInfo.InvariantCulture));
            case JsonValue value when value.TryGetValue<float>(out var single) && !float.IsFinite(single):
                return (path, single.ToString(CultureInfo.InvariantCulture));
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    if (Find(array[i], $"{path}[{i}]") is { } found) return found;
                return null;
            case JsonObject obj:
                foreach (var (name, child) in obj)
                    if (Find(child, $"{path}.{name}") is { } found) return found;
                return null;
            default:
                return null;
        }
    }
}
