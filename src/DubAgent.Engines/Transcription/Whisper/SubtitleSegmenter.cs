using DubAgent.Abstractions.Domain;

namespace DubAgent.Engines.Transcription.Whisper;

/// <summary>
/// Cuts Whisper's segments into subtitle-sized lines: at the end of a sentence, at a pause between words, and never
/// longer than the maximum (then at the last comma, else the widest gap). Each line's confidence is the mean probability
/// of its words. A segment without trustworthy word times is split evenly by words when it is too long.
/// </summary>
public sealed class SubtitleSegmenter(double maxSeconds = 7, double pauseSeconds = 0.6)
{
    private const double MinSentenceSeconds = 1.0;

    public IReadOnlyList<TranscriptSegment> Split(DecodedSegment segment)
    {
        if (segment.Words is not { Count: > 0 } words) return SplitEvenly(segment);
        var lines = new List<TranscriptSegment>();
        var current = new List<DecodedWord>();
        foreach (var word in words)
        {
            if (current.Count > 0)
            {
                if (word.Start - current[^1].End >= pauseSeconds) Flush(current, current.Count, lines);
                else if (word.End - current[0].Start > maxSeconds) Flush(current, BestCut(current), lines);
            }
            current.Add(word);
            if (EndsSentence(word.Text) && current[^1].End - current[0].Start >= MinSentenceSeconds) Flush(current, current.Count, lines);
        }
        Flush(current, current.Count, lines);
        return lines;
    }

    /// <summary>How many leading words make the line: up to the last comma-like mark after the first second, else the widest gap.</summary>
    private static int BestCut(List<DecodedWord> words)
    {
        for (var i = words.Count - 2; i >= 0; i--)
            if (EndsClause(words[i].Text) && words[i].End - words[0].Start >= MinSentenceSeconds) return i + 1;
        var best = words.Count;
        var widest = -1.0;
        for (var i = 0; i < words.Count - 1; i++)
        {
            var gap = words[i + 1].Start - words[i].End;
            if (gap > widest) (widest, best) = (gap, i + 1);
        }
        return best;
    }

    private static void Flush(List<DecodedWord> words, int count, List<TranscriptSegment> lines)
    {
        if (count == 0) return;
        var taken = words.Take(count).ToList();
        words.RemoveRange(0, count);
        lines.Add(new TranscriptSegment
        {
            Start = Math.Round(taken[0].Start, 3),
            End = Math.Round(Math.Max(taken[^1].End, taken[0].Start), 3),
            Text = Join(taken.Select(w => w.Text)),
            Confidence = Math.Round(taken.Average(w => w.Probability), 3),
            Words = taken.Select(w => new WordTiming(w.Text, Math.Round(w.Start, 3), Math.Round(w.End, 3), Math.Round(w.Probability, 3))).ToList(),
        });
    }

    private IReadOnlyList<TranscriptSegment> SplitEvenly(DecodedSegment segment)
    {
        var text = segment.Text.Trim();
        var duration = segment.End - segment.Start;
        var parts = Math.Max(1, (int)Math.Ceiling(duration / maxSeconds));
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts == 1 || tokens.Length < parts)
            return [new TranscriptSegment { Start = Math.Round(segment.Start, 3), End = Math.Round(segment.End, 3), Text = text, Confidence = Math.Round(segment.Confidence, 3) }];
        var lines = new List<TranscriptSegment>();
        for (var i = 0; i < parts; i++)
        {
            int from = i * tokens.Length / parts, to = (i + 1) * tokens.Length / parts;
            lines.Add(new TranscriptSegment
            {
                Start = Math.Round(segment.Start + duration * from / tokens.Length, 3),
                End = Math.Round(segment.Start + duration * to / tokens.Length, 3),
                Text = Join(tokens[from..to]),
                Confidence = Math.Round(segment.Confidence, 3),
            });
        }
        return lines;
    }

    private static bool EndsSentence(string word)
    {
        var trimmed = word.TrimEnd('"', '\'', ')', '»', '”');
        return trimmed.Length > 0 && ".?!…。？！".Contains(trimmed[^1]);
    }

    private static bool EndsClause(string word) => word.Length > 0 && ",;:，、；：".Contains(word[^1]);

    private static string Join(IEnumerable<string> words) => string.Join(' ', words).Trim();
}
