using System.Text.RegularExpressions;

namespace DubAgent.Engines.Subtitles;

/// <summary>A timed line of text to subtitle: a transcript or translation segment.</summary>
public sealed record SubtitleLine(double Start, double End, string Text, string? Speaker = null);

/// <summary>
/// Turns segments into cues within the limits: a segment too long for one cue is split (at sentence ends, then clause
/// punctuation, then words) and its time shared in proportion to the characters; a cue too fast to read is lengthened
/// into the silence after it, never over the next cue.
/// </summary>
public static partial class CueBuilder
{
    public static IReadOnlyList<SubtitleCue> Build(IEnumerable<SubtitleLine> lines, SubtitleLimits limits)
    {
        var cues = new List<SubtitleCue>();
        foreach (var line in lines.OrderBy(l => l.Start))
        {
            var text = LineBreaker.Normalize(line.Text);
            if (text.Length == 0 || line.End <= line.Start) continue;
            var chunks = Chunk(text, limits);
            var total = chunks.Sum(c => c.Length);
            var start = line.Start;
            for (var i = 0; i < chunks.Count; i++)
            {
                var end = i == chunks.Count - 1 ? line.End : start + (line.End - line.Start) * chunks[i].Length / total;
                var broken = LineBreaker.Break(chunks[i], limits.MaxLineLength, limits.MaxLines) ?? [chunks[i]];
                cues.Add(new SubtitleCue(start, end, broken, line.Speaker));
                start = end;
            }
        }
        return ExtendForReading(cues, limits);
    }

    /// <summary>Pieces of text that each fit one cue.</summary>
    public static IReadOnlyList<string> Chunk(string text, SubtitleLimits limits)
    {
        if (LineBreaker.Fits(text, limits.MaxLineLength, limits.MaxLines)) return [text];
        var pieces = new List<string>();
        foreach (var sentence in SentenceEnd().Split(text).Where(s => s.Length > 0))
        foreach (var clause in Fits(sentence, limits) ? [sentence] : ClauseEnd().Split(sentence).Where(s => s.Length > 0))
            pieces.AddRange(Fits(clause, limits) ? [clause] : Words(clause, limits));
        return Pack(pieces, limits);
    }

    private static bool Fits(string text, SubtitleLimits limits) => LineBreaker.Fits(text, limits.MaxLineLength, limits.MaxLines);

    /// <summary>Joins consecutive pieces while the result still fits one cue.</summary>
    private static List<string> Pack(IEnumerable<string> pieces, SubtitleLimits limits)
    {
        var chunks = new List<string>();
        var current = "";
        foreach (var piece in pieces)
        {
            var joined = current.Length == 0 ? piece : current + " " + piece;
            if (current.Length == 0 || Fits(joined, limits)) current = joined;
            else { chunks.Add(current); current = piece; }
        }
        if (current.Length > 0) chunks.Add(current);
        return chunks;
    }

    private static IEnumerable<string> Words(string text, SubtitleLimits limits) =>
        Pack(text.Split(' ', StringSplitOptions.RemoveEmptyEntries), limits);

    private static List<SubtitleCue> ExtendForReading(List<SubtitleCue> cues, SubtitleLimits limits)
    {
        for (var i = 0; i < cues.Count; i++)
        {
            var cue = cues[i];
            var needed = Math.Max(limits.MinDurationSeconds, cue.Characters / limits.MaxCharsPerSecond);
            if (cue.Duration >= needed) continue;
            var limit = i + 1 < cues.Count ? cues[i + 1].Start - limits.GapSeconds : double.MaxValue;
            var end = Math.Max(cue.End, Math.Min(cue.Start + needed, limit));
            cues[i] = cue with { End = end };
        }
        return cues;
    }

    [GeneratedRegex(@"(?<=[.!?…])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(?<=[,;:])\s+")]
    private static partial Regex ClauseEnd();
}
