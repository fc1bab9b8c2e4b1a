using DubAgent.Abstractions.Domain;

namespace DubAgent.Engines.Translation.Llm;

/// <summary>What is wrong with a model's answer for a set of segments, if anything.</summary>
public enum WindowProblem { None, Count, Speaker, Empty }

/// <summary>Checks an answer against the segments asked for: same ids in the same order, same speakers, no empty line.</summary>
public static class WindowCheck
{
    public static (WindowProblem Problem, string? Message) Check(IReadOnlyList<PlannerLine> lines, IReadOnlyList<TranscriptSegment> asked)
    {
        if (lines.Count != asked.Count)
            return (WindowProblem.Count, $"it had {lines.Count} items for {asked.Count} segments; return exactly one item per id ({string.Join(", ", asked.Select(s => s.Id))})");
        for (var i = 0; i < asked.Count; i++)
        {
            if (!string.Equals(lines[i].Id?.Trim(), asked[i].Id, StringComparison.Ordinal))
                return (WindowProblem.Count, $"item {i + 1} had id '{lines[i].Id}' where '{asked[i].Id}' was expected; keep every id, in order");
        }
        for (var i = 0; i < asked.Count; i++)
        {
            if (asked[i].Speaker is { } speaker && !string.Equals(lines[i].Speaker?.Trim(), speaker, StringComparison.Ordinal))
                return (WindowProblem.Speaker, $"{asked[i].Id} is spoken by {speaker}, not '{lines[i].Speaker}'; keep every speaker exactly as given");
            if (string.IsNullOrWhiteSpace(lines[i].Text) && !string.IsNullOrWhiteSpace(asked[i].Text))
                return (WindowProblem.Empty, $"{asked[i].Id} has no text; translate every line");
        }
        return (WindowProblem.None, null);
    }
}
