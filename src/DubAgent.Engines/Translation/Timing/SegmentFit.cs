using DubAgent.Abstractions.Domain;
using DubAgent.Engines.Synthesis.Speakable;

namespace DubAgent.Engines.Translation.Timing;

/// <summary>
/// The timing budget of one slot and how well a target line fits it, computed the same way for every engine so the
/// synthesis stage can rely on the figures.
/// </summary>
public sealed record SegmentFit(double BudgetSeconds, double BudgetSyllables, int Syllables, double EstimatedSeconds, double FitRatio)
{
    /// <summary>Above this fit ratio a line counts as over budget (10 % can be absorbed by a slight speed-up).</summary>
    public const double Tolerance = 1.10;

    public bool WithinBudget => FitRatio <= Tolerance;

    public static SegmentFit Measure(double start, double end, string targetText, string targetLanguage)
    {
        var seconds = Math.Max(0, end - start);
        var rate = SpeakingRates.For(targetLanguage);
        // Counted on what the voice will read ("$5" is "cinco dólares"), not on the digits and symbols written.
        var syllables = SyllableCounter.Count(SpeechNormalizer.Normalize(targetText, targetLanguage), targetLanguage);
        var estimated = syllables / rate;
        var ratio = seconds > 0 ? estimated / seconds : (syllables > 0 ? double.PositiveInfinity : 0);
        return new SegmentFit(Round(seconds), Round(seconds * rate, 1), syllables, Round(estimated), Round(ratio));
    }

    public static SegmentFit Measure(TranscriptSegment segment, string targetText, string targetLanguage) =>
        Measure(segment.Start, segment.End, targetText, targetLanguage);

    /// <summary>A translated segment for <paramref name="source"/> with this fit's figures.</summary>
    public static TranslatedSegment Build(TranscriptSegment source, string targetText, string targetLanguage,
        string engine, string? tone, int rounds, string? flag)
    {
        var fit = Measure(source, targetText, targetLanguage);
        if (!fit.WithinBudget)
        {
            var over = $"over budget: about {fit.EstimatedSeconds:0.0} s of speech for a {fit.BudgetSeconds:0.0} s slot (fit {fit.FitRatio:0.00})";
            flag = flag is null ? over : $"{flag}; {over}";
        }
        return new TranslatedSegment
        {
            Id = source.Id,
            Speaker = source.Speaker,
            Start = source.Start,
            End = source.End,
            Text = source.Text,
            TargetText = targetText,
            BudgetSeconds = fit.BudgetSeconds,
            BudgetSyllables = fit.BudgetSyllables,
            EstimatedSeconds = fit.EstimatedSeconds,
            FitRatio = double.IsInfinity(fit.FitRatio) ? 99 : fit.FitRatio,
            Tone = tone,
            Rounds = rounds,
            Engine = engine,
            Flag = flag,
        };
    }

    private static double Round(double value, int digits = 3) => double.IsInfinity(value) ? value : Math.Round(value, digits);
}
