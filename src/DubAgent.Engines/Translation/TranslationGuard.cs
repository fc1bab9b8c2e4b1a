using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Engines.Translation;

// The record, not this namespace (DubAgent.Engines.Translation would shadow it).
using Translation = DubAgent.Abstractions.Domain.Translation;

/// <summary>
/// The one place the translation guarantees are enforced, whatever engine (built-in or plugin) produced the output:
/// N segments in, the same N out, in the same order, with the same ids, times and speakers, none left empty.
/// </summary>
public static class TranslationGuard
{
    private const double TimeTolerance = 1e-6;

    public static Translation Check(Transcript source, Translation output, string engine)
    {
        var expected = source.Segments;
        var actual = output.Segments;
        if (actual.Count != expected.Count)
            throw Broken(engine, $"it returned {actual.Count} segments for {expected.Count}");
        for (var i = 0; i < expected.Count; i++)
        {
            var want = expected[i];
            var got = actual[i];
            if (got.Id != want.Id)
                throw Broken(engine, $"segment {i + 1} is '{got.Id}' where '{want.Id}' was expected (merged, dropped or reordered)");
            if (!string.Equals(got.Speaker, want.Speaker, StringComparison.Ordinal))
                throw Broken(engine, $"segment {want.Id} changed speaker from {want.Speaker ?? "none"} to {got.Speaker ?? "none"}");
            if (Math.Abs(got.Start - want.Start) > TimeTolerance || Math.Abs(got.End - want.End) > TimeTolerance)
                throw Broken(engine, $"segment {want.Id} moved from {want.Start:0.###}-{want.End:0.###} s to {got.Start:0.###}-{got.End:0.###} s");
            if (string.IsNullOrWhiteSpace(got.TargetText) && !string.IsNullOrWhiteSpace(want.Text))
                throw Broken(engine, $"segment {want.Id} has no target text");
        }
        return output;
    }

    private static EngineFailedException Broken(string engine, string what) =>
        new(engine, $"its translation breaks the segment guarantees: {what}.",
            "Translation must keep every segment (same ids, order, times and speakers); report this engine's bug, or use another engine.");
}
