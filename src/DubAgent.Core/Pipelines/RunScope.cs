using System.Collections.Concurrent;
using System.Text.Json;
using DubAgent.Core.Expressions;

namespace DubAgent.Core.Pipelines;

/// <summary>What expressions read during a run: the input values and the results of finished steps (skipped steps read as null).</summary>
public sealed class RunScope(IReadOnlyDictionary<string, ExpressionValue> inputs) : IExpressionScope
{
    private readonly ConcurrentDictionary<string, JsonElement?> _results = new(StringComparer.Ordinal);

    public void SetResult(string stepId, JsonElement? result) => _results[stepId] = result;

    public ExpressionValue Resolve(PathNode path)
    {
        var s = path.Segments;
        if (s[0] == "inputs" && s.Count == 2 && inputs.TryGetValue(s[1], out var input)) return input;
        if (s[0] == "steps" && s.Count >= 3 && _results.TryGetValue(s[1], out var result))
        {
            if (result is not { } current) return ExpressionValue.Null;
            foreach (var field in s.Skip(2))
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(field, out var next)) return ExpressionValue.Null;
                current = next;
            }
            return ExpressionValue.FromJson(current);
        }
        throw new ExpressionException($"'{path}' has no value here.", path.Offset);
    }
}
