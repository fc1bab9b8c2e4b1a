using DubAgent.Abstractions.Errors;
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

    public static SileroVadSettings From(IConfiguration configuration)
    {
        var d = Default;
        var section = configuration.GetSection("Vad");
        var settings = new SileroVadSettings
        {
            Model = string.IsNullOrWhiteSpace(section["Model"]) ? null : section["Model"]!.Trim(),
            OnThreshold = section.GetValue(nameof(OnThreshold), d.OnThreshold),
            OffThreshold = section.GetValue(nameof(OffThreshold), d.OffThreshold),
            MinSpeechSeconds = section.GetValue(nameof(MinSpeechSeconds), d.MinSpeechSeconds),
            MinSilenceSeconds = section.GetValue(nameof(MinSilenceSeconds), d.MinSilenceSeconds),
            PadSeconds = section.GetValue(nameof(PadSeconds), d.PadSeconds),
        };
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
