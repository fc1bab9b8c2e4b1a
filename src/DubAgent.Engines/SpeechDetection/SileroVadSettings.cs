using DubAgent.Abstractions.Errors;
using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.SpeechDetection;

/// <summary>
/// How Silero's speech probabilities become regions, and which model file to use (section "Vad"). The defaults are
/// those of Silero's own get_speech_timestamps, whose off threshold is 0.15 under the on threshold.
/// </summary>
public sealed record SileroVadSettings
{
    /// <summary>A model file that wins over the model store (`Vad:Model`).</summary>
    public string? Model { get; init; }

    /// <summary>Speech starts at a window whose probability reaches this.</summary>
    public double OnThreshold { get; init; } = 0.5;

    /// <summary>Once speaking, only windows under this count as silence (hysteresis).</summary>
    public double OffThreshold { get; init; } = 0.35;

    /// <summary>Regions shorter than this are dropped (a click, a cough).</summary>
    public double MinSpeechSeconds { get; init; } = 0.25;

    /// <summary>Silence must last this long to end a region (short pauses stay inside the phrase).</summary>
    public double MinSilenceSeconds { get; init; } = 0.1;

    /// <summary>Each region is widened by this much on both sides (the first consonant, the last breath).</summary>
    public double PadSeconds { get; init; } = 0.03;

    public static SileroVadSettings Default { get; } = new();

    public const string Section = "Vad";

    /// <summary>The section bound to this record once (unset keys keep Silero's defaults), then checked.</summary>
    public static SileroVadSettings From(IConfiguration configuration)
    {
        var bound = configuration.GetOptions<SileroVadSettings>(Section);
        var settings = bound with { Model = string.IsNullOrWhiteSpace(bound.Model) ? null : bound.Model.Trim() };
        settings.Check();
        return settings;
    }

    private void Check()
    {
        if (OnThreshold is <= 0 or >= 1)
            throw new InputException($"Vad:OnThreshold must lie between 0 and 1 (got {OnThreshold}).", "Leave it out for Silero's 0.5.");
        if (OffThreshold <= 0 || OffThreshold > OnThreshold)
            throw new InputException($"Vad:OffThreshold must lie between 0 and Vad:OnThreshold ({OnThreshold}) (got {OffThreshold}).",
                "Leave it out for 0.35.");
        foreach (var (key, value) in new[] { (nameof(MinSpeechSeconds), MinSpeechSeconds), (nameof(MinSilenceSeconds), MinSilenceSeconds), (nameof(PadSeconds), PadSeconds) })
            if (value is < 0 or > 10) throw new InputException($"Vad:{key} must lie between 0 and 10 seconds (got {value}).", "Leave it out for Silero's default.");
    }
}
