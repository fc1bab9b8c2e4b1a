namespace DubAgent.Core.Dsp;

/// <summary>Search range and voicing threshold of <see cref="PitchTracker"/>.</summary>
public sealed record PitchTrackerOptions
{
    /// <summary>Lowest fundamental searched, Hz (deep male voices reach about 65 Hz).</summary>
    public double MinHz { get; init; } = 60;

    /// <summary>Highest fundamental searched, Hz (children and raised voices reach about 500 Hz).</summary>
    public double MaxHz { get; init; } = 500;

    /// <summary>Harmonics above this frequency are not summed (voice harmonics fade into noise above it).</summary>
    public double MaxHarmonicHz { get; init; } = 4000;

    public int MaxHarmonics { get; init; } = 16;

    /// <summary>Candidate spacing on the log-frequency grid.</summary>
    public int StepsPerOctave { get; init; } = 48;

    /// <summary>Salience (harmonic comb energy over the mean of the band) from which a frame counts as voiced.</summary>
    public double VoicedSalience { get; init; } = 1.6;

    public static PitchTrackerOptions Default { get; } = new();
}
