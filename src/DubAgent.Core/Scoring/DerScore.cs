using DubAgent.Abstractions.Domain;

namespace DubAgent.Core.Scoring;

/// <summary>
/// Diarization error rate as NIST md-eval scores it: (missed + false alarm + speaker confusion) / reference speech,
/// with overlapping speech counted per speaker, hypothesis speakers mapped one-to-one onto reference speakers to
/// maximise overlap, and a no-score collar of <c>collar</c> seconds either side of every reference boundary.
/// </summary>
public sealed record DerScore(double Missed, double FalseAlarm, double Confusion, double ReferenceSpeech, IReadOnlyDictionary<string, string> Mapping)
{
    /// <summary>0 (perfect) upward; can exceed 1 when the hypothesis adds much false speech.</summary>
    public double Rate => ReferenceSpeech > 0 ? (Missed + FalseAlarm + Confusion) / ReferenceSpeech : 0;

    /// <param name="collar">Seconds excluded either side of each reference turn's start and end (0.25 is the usual value).</param>
    public static DerScore Compute(IReadOnlyList<SpeakerTurn> reference, IReadOnlyList<SpeakerTurn> hypothesis, double collar = 0.25)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(collar);
        var excluded = collar > 0
            ? Merge(reference.SelectMany(t => new[] { (t.Start - collar, t.Start + collar), (t.End - collar, t.End + collar) }))
            : [];
        var mapping = DerSpeakerMapping.Best(reference, hypothesis);

        var bounds = reference.SelectMany(t => new[] { t.Start, t.End })
            .Concat(hypothesis.SelectMany(t => new[] { t.Start, t.End }))
            .Concat(excluded.SelectMany(e => new[] { e.Start, e.End }))
            .Distinct().Order().ToArray();

        double missed = 0, falseAlarm = 0, confusion = 0, total = 0;
        for (var i = 0; i + 1 < bounds.Length; i++)
        {
            var (a, b) = (bounds[i], bounds[i + 1]);
            var duration = b - a;
            if (duration <= 0) continue;
            var mid = (a + b) / 2;
            if (IsInside(excluded, mid)) continue;
            var refs = ActiveSpeakers(reference, mid);
            var hyps = ActiveSpeakers(hypothesis, mid);
            var correct = hyps.Count(h => mapping.TryGetValue(h, out var r) && refs.Contains(r));
            total += duration * refs.Count;
            missed += duration * Math.Max(0, refs.Count - hyps.Count);
            falseAlarm += duration * Math.Max(0, hyps.Count - refs.Count);
            confusion += duration * (Math.Min(refs.Count, hyps.Count) - correct);
        }
        return new DerScore(missed, falseAlarm, confusion, total, mapping);
    }

    private static HashSet<string> ActiveSpeakers(IReadOnlyList<SpeakerTurn> turns, double time)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in turns)
            if (t.Start <= time && time < t.End) set.Add(t.Speaker);
        return set;
    }

    private static bool IsInside(List<(double Start, double End)> spans, double time)
    {
        foreach (var (s, e) in spans)
            if (s <= time && time < e) return true;
        return false;
    }

    private static List<(double Start, double End)> Merge(IEnumerable<(double Start, double End)> spans)
    {
        var merged = new List<(double Start, double End)>();
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End));
            else
                merged.Add(span);
        }
        return merged;
    }
}
