using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DubAgent.Core.Expressions;

/// <summary>A value an expression reads or produces: null, a boolean, a number, a string, or JSON (an object or list from a result).</summary>
public readonly record struct ExpressionValue
{
    private ExpressionValue(ExpressionValueKind kind, object? value)
    {
        Kind = kind;
        Raw = value;
    }

    public ExpressionValueKind Kind { get; }

    public object? Raw { get; }

    public static ExpressionValue Null { get; } = new(ExpressionValueKind.Null, null);

    public static ExpressionValue Of(bool value) => new(ExpressionValueKind.Boolean, value);

    public static ExpressionValue Of(double value) => new(ExpressionValueKind.Number, value);

    public static ExpressionValue Of(string value) => new(ExpressionValueKind.String, value);

    public static ExpressionValue FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True => Of(true),
        JsonValueKind.False => Of(false),
        JsonValueKind.Number => Of(element.GetDouble()),
        JsonValueKind.String => Of(element.GetString()!),
        JsonValueKind.Object or JsonValueKind.Array => new(ExpressionValueKind.Json, element.Clone()),
        _ => Null,
    };

    public bool AsBoolean => (bool)Raw!;

    public double AsNumber => (double)Raw!;

    public string AsString => (string)Raw!;

    public JsonNode? ToJsonNode() => Kind switch
    {
        ExpressionValueKind.Boolean => JsonValue.Create(AsBoolean),
        ExpressionValueKind.Number => AsNumber == Math.Floor(AsNumber) && Math.Abs(AsNumber) < 1e15
            ? JsonValue.Create((long)AsNumber)
            : JsonValue.Create(AsNumber),
        ExpressionValueKind.String => JsonValue.Create(AsString),
        ExpressionValueKind.Json => JsonNode.Parse(((JsonElement)Raw!).GetRawText()),
        _ => null,
    };

    /// <summary>The value as text inside a larger string ("out/${{ inputs.name }}.wav").</summary>
    public string ToText() => Kind switch
    {
        ExpressionValueKind.Null => "",
        ExpressionValueKind.Boolean => AsBoolean ? "true" : "false",
        ExpressionValueKind.Number => AsNumber.ToString(CultureInfo.InvariantCulture),
        ExpressionValueKind.String => AsString,
        _ => ((JsonElement)Raw!).GetRawText(),
    };

    public string Describe() => Kind switch
    {
        ExpressionValueKind.Null => "null",
        ExpressionValueKind.String => $"the string '{AsString}'",
        ExpressionValueKind.Json => ((JsonElement)Raw!).ValueKind == JsonValueKind.Array ? "a list" : "an object",
        _ => $"the {Kind.ToString().ToLowerInvariant()} {ToText()}",
    };
}

public enum ExpressionValueKind { Null, Boolean, Number, String, Json }
