using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Core.Expressions;
using DubAgent.Core.Tools;

namespace DubAgent.Core.Pipelines;

/// <summary>
/// Turns a step's `with` into the JSON arguments of its tool. A plain YAML scalar reads as the type the argument's
/// schema asks for (`repeat: 2` a number, `language: no` a string); an expression keeps its own type.
/// </summary>
public static class StepArguments
{
    public static JsonObject Build(RecipeMap with, JsonElement toolSchema, IExpressionScope? scope)
    {
        var properties = toolSchema.TryGetProperty("properties", out var p) ? p : default;
        var result = new JsonObject();
        foreach (var entry in with.Entries)
        {
            var schema = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(entry.Key, out var s) ? s : default;
            result[entry.Key] = Value(entry.Value, schema, scope);
        }
        return result;
    }

    /// <summary>The JSON of one value; <paramref name="scope"/> null means the value must hold no expression.</summary>
    public static JsonNode? Value(RecipeValue value, JsonElement schema, IExpressionScope? scope)
    {
        var type = schema.ValueKind == JsonValueKind.Object ? ToolSchemas.TypeOf(schema) : null;
        switch (value)
        {
            case RecipeScalar { Template.HasExpressions: true } scalar:
                if (scope is null) throw new InvalidOperationException("An expression needs a scope.");
                var evaluated = scalar.Template.Evaluate(scope);
                if (type == "string" && evaluated.Kind is ExpressionValueKind.Number or ExpressionValueKind.Boolean)
                    return JsonValue.Create(evaluated.ToText());
                return evaluated.ToJsonNode();
            case RecipeScalar scalar:
                return Literal(scalar, type);
            case RecipeList list:
                var items = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("items", out var i) ? i : default;
                return new JsonArray(list.Items.Select(item => Value(item, items, scope)).ToArray());
            case RecipeMap map:
                var properties = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var p) ? p : default;
                var additional = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("additionalProperties", out var a) ? a : default;
                var obj = new JsonObject();
                foreach (var entry in map.Entries)
                {
                    var inner = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(entry.Key, out var s) ? s : additional;
                    obj[entry.Key] = Value(entry.Value, inner, scope);
                }
                return obj;
            default:
                return null;
        }
    }

    private static JsonNode? Literal(RecipeScalar scalar, string? type)
    {
        if (scalar.Quoted || type == "string") return JsonValue.Create(scalar.Text);
        if (scalar.IsPlainNull) return null;
        if (scalar.Text is "true" or "false") return JsonValue.Create(scalar.Text == "true");
        if (long.TryParse(scalar.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole)) return JsonValue.Create(whole);
        // NaN and 1e309 stay text: the argument check then names them, where a NaN number would stop the JSON writer.
        if (double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            return JsonValue.Create(number);
        return JsonValue.Create(scalar.Text);
    }
}
