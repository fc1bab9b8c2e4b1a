namespace DubAgent.Core.Dsp;

/// <summary>One frame's fundamental frequency (Hz) and how clearly harmonic the frame is.</summary>
/// <param name="Hz">Best fundamental in the search range (meaningful only when <see cref="Voiced"/>).</param>
/// <param name="Salience">Harmonic comb energy over the band mean: about 1 for noise or silence, 2 and more for a clear voice.</param>
/// <param name="Voiced">Salience reached the tracker's threshold.</param>
public readonly record struct PitchEstimate(float Hz, float Salience, bool Voiced)
{
    public static PitchEstimate Unvoiced { get; } = new(0, 0, false);
}
