using DubAgent.Abstractions.Errors;

namespace DubAgent.Engines.Mixing;

/// <summary>The mix controls, checked against their ranges: every out-of-range value is a clear InputException.</summary>
public sealed record MixSettings(
    double VoiceVolume, double OriginalVolume, double BackgroundVolume, double MusicVolume,
    DuckingSettings Ducking, LoudnessTarget Loudness, double VoiceResidueDepthDb)
{
    public static MixSettings From(MixArguments a) => new(
        InRange(a.VoiceVolume, 0, 2, "voice_volume", "1.0"),
        InRange(a.OriginalVolume, 0, 1, "original_volume", "0.4"),
        InRange(a.BackgroundVolume, 0, 1, "background_volume", "0.7"),
        InRange(a.MusicVolume, 0, 1, "music_volume", "0.3"),
        new DuckingSettings(
            InRange(a.DuckDepthDb, 0, 40, "duck_depth_db", "10"),
            InRange(a.DuckThresholdDb, -70, -10, "duck_threshold_db", "-40"),
            InRange(a.DuckAttackMs, 1, 1000, "duck_attack_ms", "20"),
            InRange(a.DuckReleaseMs, 10, 5000, "duck_release_ms", "800")),
        LoudnessTarget.Resolve(a.Loudness, a.LoudnessTargetLufs),
        InRange(a.VoiceResidueDepthDb, 0, 60, "voice_residue_depth_db", "30"));

    internal static double InRange(double value, double min, double max, string name, string defaultText)
    {
        if (double.IsNaN(value) || value < min || value > max)
            throw new InputException($"{name} {value} is out of range {min} to {max}.",
                $"Give {name} between {min} and {max} (default {defaultText}).");
        return value;
    }
}

/// <summary>Sidechain ducking of background and music under the voice.</summary>
/// <param name="DepthDb">Gain reduction of the bed while the voice is at or above the threshold.</param>
/// <param name="ThresholdDb">Voice level (dBFS) at which the full depth is reached.</param>
public sealed record DuckingSettings(double DepthDb, double ThresholdDb, double AttackMs, double ReleaseMs)
{
    public static DuckingSettings Default { get; } = new(10, -40, 20, 800);
}
