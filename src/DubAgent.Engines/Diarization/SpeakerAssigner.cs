using DubAgent.Abstractions.Domain;

namespace DubAgent.Engines.Diarization;

/// <summary>
/// Puts speakers on a transcript: a segment takes the speaker who talks over most of it (the nearest turn when none
/// overlaps); a segment with word times that spans a speaker change is split at the change, its words going to the part
/// their middle falls in (the parts keep the segment's id, later ones suffixed -2, -3...). A speaker covering less than
/// <see cref="MinPartSeconds"/> of a segment (a backchannel over it) does not split it.
/// </summary>
public static class SpeakerAssigner
{
    public const double MinPartSeconds = 1.0;

    public static Transcript Assign(Transcript transcript, IReadOnlyList<SpeakerTurn> turns)
    {
        var segments = transcript.Segments.SelectMany(s => Split(s, turns)).ToList();
        return transcript with
        {
            Segments = segments,
            NumSpeakers = segments.Select(s => s.Speaker).Where(s => s is not null).Distinct().Count(),
        };
    }

    public static IEnumerable<TranscriptSegment> Split(TranscriptSegment segment, IReadOnlyList<SpeakerTurn> turns)
    {
        var runs = Runs(segment.Start, segment.End, turns);
        if (runs.Count < 2 || segment.Words is not { Count: > 0 } words)
        {
            yield return segment with { Speaker = SpeakerFor(segment.Start, segment.End, turns) ?? segment.Speaker };
            yield break;
        }
        var parts = runs.Select(r => (Run: r, Words: new List<WordTiming>())).ToList();
        foreach (var word in words)
        {
            var middle = (word.Start + word.End) / 2;
            var index = parts.FindIndex(p => middle < p.Run.To);
            parts[index < 0 ? parts.Count - 1 : index].Words.Add(word);
        }
        // A part that got no word has nothing to say: its time goes to the neighbouring part of the same line.
        var spoken = parts.Where(p => p.Words.Count > 0).ToList();
        if (spoken.Count < 2)
        {
            yield return segment with { Speaker = SpeakerFor(segment.Start, segment.End, turns) ?? segment.Speaker };
            yield break;
        }
        for (var i = 0; i < spoken.Count; i++)
        {
            var (run, partWords) = spoken[i];
            yield return segment with
            {
                Id = i == 0 ? segment.Id : $"{segment.Id}-{i + 1}",
                Speaker = run.Speaker,
                Start = i == 0 ? segment.Start : Math.Round(Math.Min(run.From, partWords[0].Start), 3),
                End = i == spoken.Count - 1 ? segment.End : Math.Round(Math.Max(spoken[i + 1].Run.From, partWords[^1].End), 3),
                Text = string.Join(' ', partWords.Select(w => w.Word.Trim())),
                Words = partWords,
            };
        }
    }

    /// <summary>
    /// Who speaks from <paramref name="start"/> to <paramref name="end"/>, as consecutive runs covering it; speakers
    /// holding less than <see cref="MinPartSeconds"/> in a row join the run beside them.
    /// </summary>
    private static List<(string Speaker, double From, double To)> Runs(double start, double end, IReadOnlyList<SpeakerTurn> turns)
    {
        var pieces = turns.Where(t => t.End > start && t.Start < end)
            .Select(t => (t.Speaker, From: Math.Max(start, t.Start), To: Math.Min(end, t.End)))
            .OrderBy(p => p.From).ToList();
        var runs = new List<(string Speaker, double From, double To, double Covered)>();
        foreach (var p in pieces)
        {
            if (runs.Count > 0 && runs[^1].Speaker == p.Speaker) runs[^1] = runs[^1] with { To = Math.Max(runs[^1].To, p.To), Covered = runs[^1].Covered + p.To - p.From };
            else runs.Add((p.Speaker, p.From, p.To, p.To - p.From));
        }
        // Fold short runs into their longer neighbour until every run is long enough (or one is left).
        while (runs.Count > 1)
        {
            var shortest = Enumerable.Range(0, runs.Count).MinBy(i => runs[i].Covered);
            if (runs[shortest].Covered >= MinPartSeconds) break;
            var into = shortest == 0 ? 1 : shortest == runs.Count - 1 ? shortest - 1
                : runs[shortest - 1].Covered >= runs[shortest + 1].Covered ? shortest - 1 : shortest + 1;
            var (a, b) = (Math.Min(into, shortest), Math.Max(into, shortest));
            runs[into] = runs[into] with { From = runs[a].From, To = runs[b].To, Covered = runs[into].Covered + runs[shortest].Covered };
            runs.RemoveAt(shortest);
            for (var i = runs.Count - 1; i > 0; i--)
                if (runs[i].Speaker == runs[i - 1].Speaker)
                {
                    runs[i - 1] = runs[i - 1] with { To = runs[i].To, Covered = runs[i - 1].Covered + runs[i].Covered };
                    runs.RemoveAt(i);
                }
        }
        // Runs meet: each ends where the next begins, the first starts with the segment and the last ends with it.
        return runs.Select((r, i) => (r.Speaker, i == 0 ? start : r.From, i == runs.Count - 1 ? end : runs[i + 1].From)).ToList();
    }

    public static string? SpeakerFor(double start, double end, IReadOnlyList<SpeakerTurn> turns)
    {
        if (turns.Count == 0) return null;
        var overlap = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var t in turns)
        {
            var o = Math.Min(end, t.End) - Math.Max(start, t.Start);
            if (o > 0) overlap[t.Speaker] = overlap.GetValueOrDefault(t.Speaker) + o;
        }
        if (overlap.Count > 0) return overlap.MaxBy(p => p.Value).Key;
        return turns.MinBy(t => Math.Max(t.Start - end, start - t.End))!.Speaker;
    }
}
