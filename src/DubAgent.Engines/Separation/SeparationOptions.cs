using System.Globalization;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Engines.Separation;

/// <summary>The option keys separate_audio passes to engines (SeparationRequest.Options), and typed reads of them.</summary>
public static class SeparationOptions
{
    public const string Model = "model";
    public const string Device = "device";
    public const string Shifts = "shifts";
    public const string Segment = "segment";
    public const string Stems = "stems";
    public const string SplitBackground = "split_background";

    public static string? Text(IReadOnlyDictionary<string, string>? options, string key) =>
        options is not null && options.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    public static int? Integer(IReadOnlyDictionary<string, string>? options, string key)
    {
        var text = Text(options, key);
        if (text is null) return null;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
            : throw new InputException($"Separation option '{key}' must be a whole number, not '{text}'.");
    }

    public static bool Flag(IReadOnlyDictionary<string, string>? options, string key) =>
        Text(options, key) is { } t && (t.Equals("true", StringComparison.OrdinalIgnoreCase) || t == "1");

    /// <summary>True when four stems (music and sfx besides vocals and background) were asked for.</summary>
    public static bool FourStems(IReadOnlyDictionary<string, string>? options) =>
        Text(options, Stems) is { } s && (s == "4" || s.Equals("four", StringComparison.OrdinalIgnoreCase));
}
