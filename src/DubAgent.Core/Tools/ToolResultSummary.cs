using System.Globalization;
using System.Text;
using System.Text.Json;
using DubAgent.Abstractions.Tools;

namespace DubAgent.Core.Tools;

/// <summary>
/// A few lines a person can read about a result: each scalar field, lists as their size (short lists of values in
/// full), nested objects one level deep, then the engine that ran and the notes.
/// </summary>
public static class ToolResultSummary
{
    private const int MaxLines = 16;
    private const int MaxValueLength = 100;

    public static string Describe(JsonElement result, ToolRunReport? report = null)
    {
        var lines = new List<string>();
        if (result.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in result.EnumerateObject())
                Add(lines, property.Name, property.Value, nested: true);
        }
        else
        {
            lines.Add(Scalar(result));
        }
        if (lines.Count > MaxLines)
            lines = [.. lines.Take(MaxLines), $"… {lines.Count - MaxLines} more fields"];
        if (report?.Engine is { } engine)
            lines.Add($"engine: {engine}{(report.EngineVersion is { } v ? $" {v}" : "")}");
        if (report?.MediaSeconds is { } seconds)
            lines.Add($"media: {seconds.ToString("0.##", CultureInfo.InvariantCulture)} s");
        foreach (var note in report?.Notes ?? []) lines.Add($"note: {note}");
        return string.Join('\n', lines);
    }

    private static void Add(List<string> lines, string name, JsonElement value, bool nested)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when nested:
                foreach (var inner in value.EnumerateObject())
                    Add(lines, $"{name}.{inner.Name}", inner.Value, nested: false);
                break;
            case JsonValueKind.Object:
                lines.Add($"{name}: {{{value.EnumerateObject().Count()} fields}}");
                break;
            case JsonValueKind.Array:
                lines.Add($"{name}: {List(value)}");
                break;
            default:
                lines.Add($"{name}: {Scalar(value)}");
                break;
        }
    }

    private static string List(JsonElement array)
    {
        var count = array.GetArrayLength();
        if (count > 0 && count <= 4 && array.EnumerateArray().All(e => e.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)))
            return Truncate(string.Join(", ", array.EnumerateArray().Select(Scalar)));
        return count == 1 ? "1 item" : $"{count} items";
    }

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Truncate(value.GetString() ?? ""),
        JsonValueKind.Number => value.TryGetDouble(out var d) ? d.ToString("0.####", CultureInfo.InvariantCulture) : value.GetRawText(),
        JsonValueKind.Null => "null",
        _ => Truncate(value.GetRawText()),
    };

    private static string Truncate(string text)
    {
        var single = text.ReplaceLineEndings(" ");
        return single.Length <= MaxValueLength ? single : new StringBuilder(single, 0, MaxValueLength - 1, MaxValueLength).Append('…').ToString();
    }
}
