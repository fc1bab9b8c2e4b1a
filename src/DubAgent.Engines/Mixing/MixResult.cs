namespace DubAgent.Engines.Mixing;

/// <summary>What `mix` produced: the file and its measured figures.</summary>
public sealed class MixResult
{
    /// <summary>mix.wav: the finished soundtrack in the delivered format (<see cref="DeliveryFormat"/>).</summary>
    public required string Path { get; init; }

    /// <summary>mix.json beside it: the settings and figures below, read by `export` for the manifest.</summary>
    public required string RecordPath { get; init; }

    public required double DurationSeconds { get; init; }

    public required int SampleRate { get; init; }

    public required int Channels { get; init; }

    /// <summary>"separated" (background stem), "plain" (original audio) or "voice_only".</summary>
    public required string Route { get; init; }

    public required MixVolumes Volumes { get; init; }

    public required MixLoudness Loudness { get; init; }

    /// <summary>What was taken out of the background of the original voice's remains (null without 'vocals').</summary>
    public MixVoiceResidue? VoiceResidue { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>The original voice's remains taken out of the background: the deepest cut allowed, the seconds cut, the mean cut there.</summary>
public sealed record MixVoiceResidue(double DepthDb, double CutSeconds, double MeanCutDb);

/// <summary>The gains and ducking the mix used.</summary>
public sealed record MixVolumes(double Voice, double? Original, double? Background, double? Music,
    double DuckDepthDb, double DuckThresholdDb, double DuckAttackMs, double DuckReleaseMs);

/// <summary>Loudness target and what ebur128 measured on mix.wav.</summary>
/// <param name="Method">"loudnorm_linear" (two-pass loudnorm, linear=true) or "gain_and_limiter" (when the peaks did not allow a linear gain).</param>
public sealed record MixLoudness(string Preset, double TargetLufs, double CeilingDbtp, double IntegratedLufs, double LoudnessRangeLu,
    double TruePeakDbtp, double InputIntegratedLufs, double InputTruePeakDbtp, string Method);
