namespace DubAgent.Engines.Separation.Dsp;

/// <summary>Tuning of the spectral separator (defaults tuned on espeak-ng dialogue over a chord bed with noise bursts: vocals SDR 8.0 dB there).</summary>
public sealed record DspSeparationSettings
{
    /// <summary>Seconds of each bin's running median that counts as stationary (sustained notes, hum, room tone).</summary>
    public double StationarySeconds { get; init; } = 2.5;

    /// <summary>Voice harmonics are followed up to this frequency; above it a speech frame's residual counts as voice by <see cref="HighBandVoiceShare"/>.</summary>
    public double HarmonicLimitHz { get; init; } = 5000;

    /// <summary>Share of the residual above the harmonic limit given to the voice in speech frames (breath, sibilance).</summary>
    public double HighBandVoiceShare { get; init; } = 0.15;

    /// <summary>In unvoiced speech frames (consonants), residual above this frequency counts as voice.</summary>
    public double UnvoicedFromHz { get; init; } = 1000;

    /// <summary>Share of that residual given to the voice in unvoiced speech frames.</summary>
    public double UnvoicedVoiceShare { get; init; } = 0.15;

    /// <summary>Width of a harmonic's tooth as a share of the harmonic frequency (pitch error grows with the harmonic number).</summary>
    public double ToothRelativeWidth { get; init; } = 0.03;

    /// <summary>Exponent of the Wiener-style mask (2 = power ratio).</summary>
    public double MaskPower { get; init; } = 2;

    /// <summary>Frames each side averaged when the power estimates are refined.</summary>
    public int RefineFrames { get; init; } = 1;

    /// <summary>Seconds of each output block (plus margins); memory depends on this, not on the input length.</summary>
    public double BlockSeconds { get; init; } = 20;

    /// <summary>Pitch salience from which a frame's residual counts as voiced (see <see cref="Core.Dsp.PitchTracker"/>).</summary>
    public double VoicedSalience { get; init; } = 0.9;

    /// <summary>Residual salience from which a frame is speech even when it does not stand out in energy (voice over loud music).</summary>
    public double StrongVoicingSalience { get; init; } = 2.0;

    public static DspSeparationSettings Default { get; } = new();
}
