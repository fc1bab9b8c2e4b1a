using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace DubAgent.Core.Configuration;

/// <summary>How problems and hints word a key: its type, its rules and its default, as a person writing dubagent.json reads them.</summary>
internal static class OptionsKeyWords
{
    /// <summary>"MinClusterShare (number, from 0 to 1, default 0.1)": what the hint lists for each valid key.</summary>
    public static string Summary(OptionsKey key, object defaults)
    {
        var parts = new List<string> { TypeName(key) };
        parts.AddRange(key.Rules.Select(RuleText).Where(t => t.Length > 0));
        if (key.Kind == OptionsKeyKind.Value && key.Property.GetValue(defaults) is { } value && value is not "")
            parts.Add($"default {Format(value)}");
        return $"{key.Name} ({string.Join(", ", parts)})";
    }

    /// <summary>"from 0 to 1", "above 0", "at least 1", "an http(s) URL", "non-empty".</summary>
    public static string RuleText(ValidationAttribute rule) => rule switch
    {
        RangeAttribute range => RangeText(range),
        UrlAttribute => "an http(s) URL",
        RequiredAttribute => "non-empty",
        _ => "",
    };

    public static string Format(object value) => value switch
    {
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string RangeText(RangeAttribute range)
    {
        // [Range(typeof(long), "1", "9223372036854775807")] keeps its bounds as text until it first validates.
        var unbounded = Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture) >= int.MaxValue;
        var min = Format(range.Minimum);
        if (unbounded) return range.MinimumIsExclusive ? $"above {min}" : $"at least {min}";
        return $"{(range.MinimumIsExclusive ? "above" : "from")} {min} {(range.MaximumIsExclusive ? "and below" : "to")} {Format(range.Maximum)}";
    }

    private static string TypeName(OptionsKey key) => key.Kind switch
    {
        OptionsKeyKind.Section => "section",
        OptionsKeyKind.Free => "list or map",
        OptionsKeyKind.List => $"list of {ValueName(key.ItemType)}",
        OptionsKeyKind.Map => $"map of {ValueName(key.ItemType)}",
        _ => ValueName(key.ItemType),
    };

    /// <summary>"number" for double, "whole number" for int, "true or false", "one of" an enum's names, "text".</summary>
    public static string ValueName(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum) return "one of " + string.Join(", ", Enum.GetNames(type));
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Double or TypeCode.Single or TypeCode.Decimal => "number",
            TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64 or TypeCode.Byte
                or TypeCode.SByte => "whole number",
            TypeCode.Boolean => "true or false",
            TypeCode.String => "text",
            _ => type.Name,
        };
    }
}
