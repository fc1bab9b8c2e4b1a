using DubAgent.Abstractions.Domain;
using DubAgent.Core.Dsp;

namespace DubAgent.Engines.Transcription.Whisper;

/// <summary>
/// Drops what Whisper is known to invent where nobody speaks: segments it itself rates as no speech, the stock phrases
/// of its training subtitles ("Thanks for watching") when unsure, a line repeating the one just before (its decoding
/// loops), a phrase looping inside one segment (kept once), and lines that lie over silence (outside the speech regions).
/// </summary>
public static class HallucinationFilter
{
    private const double NoSpeech = 0.6;
    private const double Unsure = 0.5;
    private const double MinSpeechShare = 0.25;

    private static readonly string[] StockPhrases =
    [
        "thanks for watching", "thank you for watching", "please subscribe", "subscribe to", "subtitles by", "amara org",
        "transcribed by", "translated by", "www", "like and subscribe",
    ];

    /// <summary>Whisper's segments in time order, without the invented ones.</summary>
    public static IReadOnlyList<DecodedSegment> Decoded(IEnumerable<DecodedSegment> segments)
    {
        var kept = new List<DecodedSegment>();
        foreach (var original in segments.OrderBy(s => s.Start))
        {
            var segment = WithoutLoop(original);
            var text = Normalise(segment.Text);
            if (text.Length == 0) continue;
            if (segment.NoSpeechProbability >= NoSpeech && segment.Confidence < Unsure) continue;
            if (segment.Confidence < Unsure && StockPhrases.Any(p => text.Contains(p, StringComparison.Ordinal))) continue;
            if (kept.Count > 0 && Normalise(kept[^1].Text) == text && (text.Contains(' ') || RepeatsTwice(kept, text))) continue;
            kept.Add(segment);
        }
        return kept;
    }

    /// <summary>Lines that overlap the speech regions for less than a quarter of their length.</summary>
    public static IReadOnlyList<TranscriptSegment> OverSilence(IEnumerable<TranscriptSegment> lines, IReadOnlyList<SpeechRegion> regions) =>
        lines.Where(line =>
        {
            var length = line.End - line.Start;
            if (length <= 0) return regions.Any(r => line.Start >= r.Start && line.Start <= r.End);
            var speech = regions.Sum(r => Math.Max(0, Math.Min(r.End, line.End) - Math.Max(r.Start, line.Start)));
            return speech / length >= MinSpeechShare;
        }).ToList();

    /// <summary>A one-word line ("No.") may be said twice; a third time in a row is a loop.</summary>
    private static bool RepeatsTwice(List<DecodedSegment> kept, string text) => kept.Count > 1 && Normalise(kept[^2].Text) == text;

    /// <summary>"thank you thank you thank you thank you" → "thank you": a phrase of 1-6 words repeated 3+ times in a row is kept once.</summary>
    private static DecodedSegment WithoutLoop(DecodedSegment segment)
    {
        var words = segment.Words is { Count: > 0 } timed ? timed.Select(w => w.Text).ToList() : segment.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var keys = words.Select(Normalise).ToList();
        for (var size = 1; size <= 6; size++)
        {
            for (var start = 0; start + 3 * size <= keys.Count; start++)
            {
                var repeats = 1;
                while (start + (repeats + 1) * size <= keys.Count
                       && keys.Skip(start + repeats * size).Take(size).SequenceEqual(keys.Skip(start).Take(size))) repeats++;
                if (repeats < 3) continue;
                var keep = Enumerable.Range(0, keys.Count).Where(i => i < start + size || i >= start + repeats * size).ToList();
                var loopless = segment with
                {
                    Text = string.Join(' ', keep.Select(i => words[i])),
                    Words = segment.Words is { Count: > 0 } w ? keep.Select(i => w[i]).ToList() : null,
                };
                return WithoutLoop(loopless);
            }
        }
        return segment;
    }

    /// <summary>Lower case letters and digits, single spaces: "Thanks for watching!" → "thanks for watching".</summary>
    private static string Normalise(string text) =>
        string.Join(' ', new string(text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
