using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;

namespace DubAgent.Core.Tools;

/// <summary>
/// Turns a JSON object of arguments (from MCP, a recipe step or the CLI) into a tool's typed argument object, checking
/// it against the tool's schema first so a wrong call gets an error that names the argument and the expected type.
/// </summary>
public sealed class ToolArgumentBinder(ToolSchemas schemas)
{
    public object Bind(ITool tool, JsonElement arguments)
    {
        if (arguments.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            arguments = JsonSerializer.SerializeToElement(new JsonObject());
        if (arguments.ValueKind != JsonValueKind.Object)
            throw new InputException($"The arguments of '{tool.Name}' must be a JSON object, not {Describe(arguments.ValueKind)}.",
                $"Pass {{\"name\": value, ...}}; `dubagent tools` lists the arguments of '{tool.Name}'.");

        var schema = schemas.For(tool);
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        foreach (var argument in arguments.EnumerateObject())
        {
            if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(argument.Name, out var propertySchema))
                throw new InputException($"'{tool.Name}' has no argument '{argument.Name}'.",
                    $"Its arguments are: {ArgumentList(properties)}.");
            CheckValue(tool, argument.Name, argument.Value, propertySchema);
            if (NonFiniteNumbers.Find(argument.Value, argument.Name) is { } nested)
                throw NotFinite(tool, nested.Path, nested.Text, DescriptionOf(propertySchema));
        }
        foreach (var required in ArgumentShape.Of(tool.ArgumentsType).Required)
        {
            if (!arguments.TryGetProperty(required, out var value) || value.ValueKind == JsonValueKind.Null)
                throw new InputException($"'{tool.Name}' needs the argument '{required}' ({ExpectedOf(properties, required)}).",
                    Describe(properties, required));
        }

        try
        {
            return arguments.Deserialize(tool.ArgumentsType, DubAgentJson.Options)
                ?? throw new InputException($"The arguments of '{tool.Name}' are empty.");
        }
        catch (JsonException e)
        {
            var name = e.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "(unknown)";
            throw new InputException($"The argument '{name}' of '{tool.Name}' is not valid: {FirstSentence(e.Message)}",
                $"Expected {ExpectedOf(properties, name.Split('.', '[')[0])}.", e);
        }
    }

    public object Bind(ITool tool, JsonObject arguments)
    {
        // A recipe's NaN would otherwise stop the serializer with its own message, before any check names the argument.
        foreach (var (name, value) in arguments)
        {
            if (NonFiniteNumbers.Find(value, name) is { } found)
            {
                var properties = schemas.For(tool).TryGetProperty("properties", out var p) ? p : default;
                throw NotFinite(tool, found.Path, found.Text, Describe(properties, name));
            }
        }
        return Bind(tool, JsonSerializer.SerializeToElement(arguments));
    }

    /// <summary>`name=value` pairs from a command line, each value converted to its argument's schema type.</summary>
    public JsonObject FromPairs(ITool tool, IEnumerable<string> pairs)
    {
        var properties = schemas.For(tool).TryGetProperty("properties", out var p) ? p : default;
        var result = new JsonObject();
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0)
                throw new InputException($"'{pair}' is not a name=value pair.", "Write each argument as --arg name=value.");
            var name = pair[..eq].Trim();
            var text = pair[(eq + 1)..];
            if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(name, out var propertySchema))
                throw new InputException($"'{tool.Name}' has no argument '{name}'.", $"Its arguments are: {ArgumentList(properties)}.");
            result[name] = ConvertText(tool, name, text, propertySchema);
        }
        return result;
    }

    private static JsonNode? ConvertText(ITool tool, string name, string text, JsonElement propertySchema)
    {
        var type = ToolSchemas.TypeOf(propertySchema);
        try
        {
            switch (type)
            {
                case "integer":
                    return JsonValue.Create(long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture));
                case "number":
                    var number = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                    return double.IsFinite(number) ? JsonValue.Create(number) : throw NotFinite(tool, name, text, DescriptionOf(propertySchema));
                case "boolean":
                    return text.Trim().ToLowerInvariant() switch
                    {
                        "true" or "yes" or "1" => JsonValue.Create(true),
                        "false" or "no" or "0" => JsonValue.Create(false),
                        _ => throw new FormatException(),
                    };
                case "object":
                    return JsonNode.Parse(text);
                case "array":
                    if (text.TrimStart().StartsWith('[')) return JsonNode.Parse(text);
                    var items = propertySchema.TryGetProperty("items", out var itemSchema) ? itemSchema : default;
                    var array = new JsonArray();
                    foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        array.Add(items.ValueKind == JsonValueKind.Object ? ConvertText(tool, name, item, items) : JsonValue.Create(item));
                    return array;
                default:
                    return JsonValue.Create(text);
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException or JsonException)
        {
            throw new InputException($"The argument '{name}' of '{tool.Name}' must be {Expected(propertySchema)}, not '{text}'.",
                DescriptionOf(propertySchema));
        }
    }

    /// <summary>Checks one argument value against its schema; InputException naming it and the expected type.</summary>
    internal static void CheckValue(ITool tool, string name, JsonElement value, JsonElement propertySchema)
    {
        var type = ToolSchemas.TypeOf(propertySchema);
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (AllowsNull(propertySchema)) return;
            throw new InputException($"The argument '{name}' of '{tool.Name}' cannot be null; it must be {Expected(propertySchema)}.",
                DescriptionOf(propertySchema));
        }
        if (type == "number" && NonFiniteText(value) is { } infinite) throw NotFinite(tool, name, infinite, DescriptionOf(propertySchema));
        var ok = type switch
        {
            "string" => value.ValueKind == JsonValueKind.String,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _)
                || value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            "number" => value.ValueKind == JsonValueKind.Number
                || value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "array" => value.ValueKind == JsonValueKind.Array,
            "object" => value.ValueKind == JsonValueKind.Object,
            _ => true,
        };
        if (ok && propertySchema.TryGetProperty("enum", out var allowed) && value.ValueKind == JsonValueKind.String)
            ok = allowed.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.String && a.GetString() == value.GetString());
        if (!ok)
            throw new InputException(
                $"The argument '{name}' of '{tool.Name}' must be {Expected(propertySchema)}, not {Describe(value)}.",
                DescriptionOf(propertySchema));
    }

    /// <summary>YAML's spellings of NaN and infinity, which recipes may carry as text.</summary>
    private static readonly string[] YamlNonFinite = [".nan", ".inf", "+.inf", "-.inf"];

    /// <summary>"NaN", "1e309", ".inf" when the value is a number (or, as JSON allows us, a number in a string) that is not finite.</summary>
    private static string? NonFiniteText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetDouble(out var d) && !double.IsFinite(d) => value.GetRawText(),
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsFinite(d)
            => value.GetString(),
        JsonValueKind.String when YamlNonFinite.Contains(value.GetString()?.Trim(), StringComparer.OrdinalIgnoreCase) => value.GetString(),
        _ => null,
    };

    private static InputException NotFinite(ITool tool, string name, string text, string? hint) =>
        new($"The argument '{name}' of '{tool.Name}' must be a finite number, got {text}.", hint);

    private static bool AllowsNull(JsonElement propertySchema) =>
        propertySchema.TryGetProperty("type", out var type)
            ? type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.GetString() == "null")
            : true;

    /// <summary>"a number", "one of: low, standard", "a list of strings".</summary>
    internal static string Expected(JsonElement propertySchema)
    {
        if (propertySchema.TryGetProperty("enum", out var values))
            return "one of: " + string.Join(", ", values.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).Select(v => v.ToString()));
        return ToolSchemas.TypeOf(propertySchema) switch
        {
            "string" => "a string",
            "integer" => "a whole number",
            "number" => "a number",
            "boolean" => "true or false",
            "array" => propertySchema.TryGetProperty("items", out var items) ? $"a list of {Plural(ToolSchemas.TypeOf(items))}" : "a list",
            "object" => "a JSON object",
            _ => "a JSON value",
        };
    }

    private static string Plural(string? type) => type switch
    {
        "string" => "strings",
        "integer" => "whole numbers",
        "number" => "numbers",
        "boolean" => "booleans",
        "object" => "objects",
        _ => "values",
    };

    private static string ExpectedOf(JsonElement properties, string name) =>
        properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var s) ? Expected(s) : "a value";

    private static string? Describe(JsonElement properties, string name) =>
        properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var s) ? DescriptionOf(s) : null;

    private static string? DescriptionOf(JsonElement propertySchema) =>
        propertySchema.TryGetProperty("description", out var d) && d.GetString() is { Length: > 0 } text ? text : null;

    private static string ArgumentList(JsonElement properties) =>
        properties.ValueKind == JsonValueKind.Object && properties.EnumerateObject().Any()
            ? string.Join(", ", properties.EnumerateObject().Select(p => p.Name))
            : "(none)";

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Truncate(value.GetString() ?? "", 40)}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        _ => Describe(value.ValueKind),
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "…";

    private static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? message[..(dot + 1)] : message;
    }
}
