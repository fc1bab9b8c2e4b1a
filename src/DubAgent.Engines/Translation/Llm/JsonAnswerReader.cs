using System.Text.Json;
using System.Text.RegularExpressions;
using DubAgent.Abstractions;

namespace DubAgent.Engines.Translation.Llm;

/// <summary>
/// Reads a model's JSON answer, repairing what models commonly get wrong: code fences, prose around the object,
/// trailing commas, typographic quotes used as JSON quotes, a bare array instead of the object.
/// </summary>
public static partial class JsonAnswerReader
{
    /// <summary>The parsed answer, or null with the reason (which goes back to the model when it is asked again).</summary>
    public static T? TryRead<T>(string? answer, out string? problem) where T : class
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(answer)) { problem = "the answer was empty"; return null; }
        var text = Fence().Match(answer) is { Success: true } fenced ? fenced.Groups[1].Value : answer;
        var json = Extract(text);
        if (json is null) { problem = "the answer held no JSON object"; return null; }
        foreach (var candidate in Repairs(json))
        {
            try
            {
                var value = JsonSerializer.Deserialize<T>(candidate, DubAgentJson.Options);
                if (value is not null)
                {
                    problem = null; // a repair worked
                    return value;
                }
            }
            catch (JsonException e)
            {
                problem = $"the JSON did not parse ({e.Message.Split('.')[0]})";
            }
        }
        problem ??= "the JSON was null";
        return null;
    }

    /// <summary>From the first { (or [) to its last matching bracket; a bare array is wrapped as {"segments": [...]}.</summary>
    private static string? Extract(string text)
    {
        var open = text.IndexOfAny(['{', '[']);
        if (open < 0) return null;
        var close = text[open] == '{' ? text.LastIndexOf('}') : text.LastIndexOf(']');
        if (close <= open) return text[open..];
        var body = text[open..(close + 1)];
        return body[0] == '[' ? $"{{\"segments\":{body}}}" : body;
    }

    private static IEnumerable<string> Repairs(string json)
    {
        yield return json;
        var quotes = json.Replace('“', '"').Replace('”', '"');
        var commas = TrailingComma().Replace(quotes, "$1");
        if (commas != json) yield return commas;
    }

    [GeneratedRegex(@"```(?:json)?\s*([\s\S]*?)```", RegexOptions.IgnoreCase)]
    private static partial Regex Fence();

    [GeneratedRegex(@",\s*([}\]])")]
    private static partial Regex TrailingComma();
}
