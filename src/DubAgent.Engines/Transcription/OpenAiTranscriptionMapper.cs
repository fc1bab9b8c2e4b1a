using DubAgent.Abstractions.Domain;
using OpenAI.Audio;

namespace DubAgent.Engines.Transcription;

/// <summary>Turns a verbose_json transcription of one piece into transcript segments at the piece's offset.</summary>
public static class OpenAiTranscriptionMapper
{
    public static IReadOnlyList<TranscriptSegment> Segments(AudioTranscription answer, double offset, double pieceDuration)
    {
        var words = answer.Words?.Select(w => new WordTiming(w.Word.Trim(), offset + w.StartTime.TotalSeconds, offset + w.EndTime.TotalSeconds)).ToList() ?? [];
        if (answer.Segments is not { Count: > 0 } segments)
        {
            var text = answer.Text?.Trim() ?? "";
            return text.Length == 0
                ? []
                : [new TranscriptSegment { Start = offset, End = offset + (answer.Duration?.TotalSeconds ?? pieceDuration), Text = text, Words = words.Count > 0 ? words : null }];
        }
        return segments
            .Where(s => !string.IsNullOrWhiteSpace(s.Text))
            .Select(s =>
            {
                var start = offset + s.StartTime.TotalSeconds;
                var end = offset + s.EndTime.TotalSeconds;
                var inside = words.Where(w => (w.Start + w.End) / 2 >= start && (w.Start + w.End) / 2 < end).ToList();
                return new TranscriptSegment
                {
                    Start = start,
                    End = end,
                    Text = s.Text.Trim(),
                    // avg_logprob is the mean token log-probability; its exponential is a per-token probability.
                    Confidence = Math.Round(Math.Clamp(Math.Exp(s.AverageLogProbability), 0, 1), 4),
                    Words = inside.Count > 0 ? inside : null,
                };
            })
            .ToList();
    }

    /// <summary>verbose_json names the language ("english"); transcripts use ISO 639-1 codes.</summary>
    public static string? LanguageCode(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return null;
        var value = language.Trim().ToLowerInvariant();
        if (value.Length <= 3) return value;
        return Names.GetValueOrDefault(value);
    }

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["english"] = "en", ["spanish"] = "es", ["french"] = "fr", ["german"] = "de", ["italian"] = "it", ["portuguese"] = "pt",
        ["dutch"] = "nl", ["russian"] = "ru", ["chinese"] = "zh", ["japanese"] = "ja", ["korean"] = "ko", ["arabic"] = "ar",
        ["turkish"] = "tr", ["polish"] = "pl", ["swedish"] = "sv", ["danish"] = "da", ["norwegian"] = "no", ["finnish"] = "fi",
        ["greek"] = "el", ["hindi"] = "hi", ["hebrew"] = "he", ["czech"] = "cs", ["romanian"] = "ro", ["hungarian"] = "hu",
        ["ukrainian"] = "uk", ["catalan"] = "ca", ["galician"] = "gl", ["basque"] = "eu", ["indonesian"] = "id", ["vietnamese"] = "vi",
        ["thai"] = "th", ["persian"] = "fa", ["malay"] = "ms", ["tamil"] = "ta", ["urdu"] = "ur", ["bengali"] = "bn",
    };
}
