namespace DubAgent.Engines.Separation.Residue;

/// <summary>
/// How hard <see cref="VoiceResidueRemover"/> takes the original voice's remains out of a background stem.
/// A band's gain is max(floor, B / (B + Strength·V)) with B the background's and V the separated voice's energy in
/// that band (V held over <see cref="HoldSeconds"/> after the voice, and a little before it).
/// </summary>
public sealed record VoiceResidueSettings
{
    /// <summary>How many times the separated voice's energy is taken for what of it stayed in the background.</summary>
    public double Strength { get; init; } = 16;

    /// <summary>The deepest cut, dB (30: the remains of the voice end at least 30 dB down where it was loud).</summary>
    public double DepthDb { get; init; } = 30;

    /// <summary>The voice's energy decays over this long after it stops (reverberation and a detector's late edges).</summary>
    public double HoldSeconds { get; init; } = 0.3;

    /// <summary>And rises this long before it starts (the separated voice's soft onsets).</summary>
    public double LeadSeconds { get; init; } = 0.03;

    /// <summary>Bands are a third of an octave wide from here up; below it one band.</summary>
    public double LowestBandHz { get; init; } = 80;

    public static VoiceResidueSettings Default { get; } = new();

    public float Floor => (float)Math.Pow(10, -DepthDb / 20);
}
