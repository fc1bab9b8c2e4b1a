using DubAgent.Abstractions.Domain;
using DubAgent.Engines.Synthesis.Speakable;
using DubAgent.Engines.Translation.Timing;

namespace DubAgent.Engines.Translation.Checks;

/// <summary>
/// How fast each speaker talks compared with their language's typical rate (syllables per second of their lines
/// over the table's rate), so a fast talker's slot holds more target syllables and a slow one's fewer. Clamped:
/// a few lines are a rough measure, and a dub spoken far off the language's pace sounds wrong.
/// </summary>
public static class SpeakerPace
{
    public const double Slowest = 0.85;
    public const double Fastest = 1.2;

    /// <summary>Per speaker, their pace relative to the source language's typical rate (1 = typical).</summary>
    public static IReadOnlyDictionary<string, double> Measure(Transcript transcript)
    {
        var typical = SpeakingRates.For(transcript.Language);
        var paces = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var group in transcript.Segments.Where(s => s.Duration > 0 && !string.IsNullOrWhiteSpace(s.Text)).GroupBy(s => s.Speaker ?? ""))
        {
            var seconds = group.Sum(s => s.Duration);
            var syllables = group.Sum(s => SyllableCounter.Count(SpeechNormalizer.Normalize(s.Text, transcript.Language), transcript.Language));
            if (seconds <= 0 || syllables == 0) continue;
            paces[group.Key] = Math.Round(Math.Clamp(syllables / seconds / typical, Slowest, Fastest), 3);
        }
        return paces;
    }
}
