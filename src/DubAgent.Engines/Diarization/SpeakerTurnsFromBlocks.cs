using DubAgent.Abstractions.Domain;

namespace DubAgent.Engines.Diarization;

/// <summary>
/// Block labels to speaker turns, named in order of first appearance, touching blocks of one speaker joined, after the
/// <see cref="TurnSmoother"/>'s clean-up (no sub-0.5 s flips inside continuous speech, short pauses bridged); with an
/// <see cref="OverlapMarker"/> and the blocks' scores, overlapping speech becomes turns of two speakers at once.
/// </summary>
public static class SpeakerTurnsFromBlocks
{
    public static IReadOnlyList<SpeakerTurn> Turns(IReadOnlyList<SpeechBlock> blocks, IReadOnlyList<int> labels,
        TurnSmoother? smoother = null, OverlapMarker? overlap = null, Func<int[], int, IReadOnlyList<double[]>>? score = null)
    {
        smoother ??= new TurnSmoother();
        var smoothed = smoother.SmoothRuns(blocks, labels.ToArray());
        var names = new Dictionary<int, string>();
        foreach (var label in smoothed) if (!names.ContainsKey(label)) names[label] = SpeakerNames.For(names.Count);

        var turns = smoother.Bridge(SpeakerNames.Normalise(blocks.Select((b, i) => new SpeakerTurn(b.Start, b.End, names[smoothed[i]]))));
        if (overlap is null || score is null || names.Count < 2) return turns;
        var second = overlap.Mark(blocks, smoothed, score(smoothed, smoothed.Max() + 1));
        var extra = blocks.Select((b, i) => (b, i)).Where(p => second[p.i] >= 0)
            .Select(p => new SpeakerTurn(p.b.Start, p.b.End, names[second[p.i]]));
        return Union(turns.Concat(extra));
    }

    /// <summary>Each speaker's turns joined where they touch or overlap, all in time order.</summary>
    private static IReadOnlyList<SpeakerTurn> Union(IEnumerable<SpeakerTurn> turns) =>
        turns.GroupBy(t => t.Speaker).SelectMany(g =>
        {
            var merged = new List<SpeakerTurn>();
            foreach (var t in g.OrderBy(t => t.Start))
                if (merged.Count > 0 && t.Start - merged[^1].End < 1e-6) merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, t.End) };
                else merged.Add(t);
            return merged;
        }).OrderBy(t => t.Start).ThenBy(t => t.Speaker, StringComparer.Ordinal).ToList();
}
