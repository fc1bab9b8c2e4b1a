namespace DubAgent.Core.Dsp;

/// <summary>Thresholds and timing of <see cref="VoiceActivityDetector"/>.</summary>
public sealed record VoiceActivityOptions
{
    /// <summary>Frames quieter than this (dB re full-scale sine, 100 Hz–4 kHz) are never speech.</summary>
    public double AbsoluteFloorDb { get; init; } = -55;

    /// <summary>How far above the running noise floor (a low percentile of recent energy) a frame must be.</summary>
    public double MinSnrDb { get; init; } = 9;

    /// <summary>Seconds of history the noise floor looks at.</summary>
    public double NoiseWindowSeconds { get; init; } = 8;

    /// <summary>Percentile of the energy in that window taken as the noise floor.</summary>
    public double NoisePercentile { get; init; } = 0.05;

    /// <summary>Spectral flatness under which an energetic unvoiced frame still counts (vowels are very unflat).</summary>
    public double MaxFlatness { get; init; } = 0.25;

    /// <summary>Residual pitch salience from which a frame is speech whatever the floor (a voice over loud music).</summary>
    public double StrongVoicingSalience { get; init; } = 2.6;

    /// <summary>Speech is held this long after the last speech frame (consonants, short pauses inside a phrase).</summary>
    public double HangoverSeconds { get; init; } = 0.25;

    /// <summary>Speech starts this much before the first speech frame (the initial consonant).</summary>
    public double PreRollSeconds { get; init; } = 0.08;

    /// <summary>Shorter bursts are dropped (a click, a door).</summary>
    public double MinSpeechSeconds { get; init; } = 0.12;

    public PitchTrackerOptions Pitch { get; init; } = PitchTrackerOptions.Default;

    public static VoiceActivityOptions Default { get; } = new();
}
