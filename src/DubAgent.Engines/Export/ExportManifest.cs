using DubAgent.Engines.Mixing;

namespace DubAgent.Engines.Export;

/// <summary>manifest.json: everything a receiver needs to know about one dubbed video.</summary>
public sealed record ExportManifest
{
    public required string Video { get; init; }
    public required string SourceVideo { get; init; }
    public required string Language { get; init; }
    public string? SourceLanguage { get; init; }
    public string? Voice { get; init; }
    public required double DurationSeconds { get; init; }
    public required double AudioVideoDifferenceMs { get; init; }
    public bool AudioOnly { get; init; }
    public IReadOnlyList<ManifestAudioTrack> AudioTracks { get; init; } = [];
    public IReadOnlyList<ManifestSubtitle> Subtitles { get; init; } = [];
    public IReadOnlyList<SpeakerVoice> Speakers { get; init; } = [];

    /// <summary>The mix's gains and ducking (from mix.json beside the mix), when known.</summary>
    public MixVolumes? Volumes { get; init; }

    /// <summary>The mix's loudness target and measurement (from mix.json), when known.</summary>
    public MixLoudness? MixLoudness { get; init; }

    /// <summary>Measured with ebur128 on the dubbed track of the exported file, as it was finally written.</summary>
    public required ManifestLoudness Loudness { get; init; }

    /// <summary>Tool (stage) to the engine that ran it.</summary>
    public IReadOnlyDictionary<string, string> Engines { get; init; } = new Dictionary<string, string>();

    public ManifestRecipe? Recipe { get; init; }
    public string? Translation { get; init; }
    public string? Transcript { get; init; }

    /// <summary>Every stem handed over (vocals, background, the M&amp;E track...), whether it is in the package or not.</summary>
    public IReadOnlyList<ManifestStem> Stems { get; init; } = [];
    public required DateTimeOffset Created { get; init; }
}

public sealed record ManifestAudioTrack(int Index, string Language, string Title, bool Default);

public sealed record ManifestSubtitle(string File, string Language, bool Embedded);

/// <summary>The dub track as encoded: its loudness, the ceiling it was held to, and the gain export had to take off for it.</summary>
/// <param name="ExportGainDb">0, or the (negative) gain of the final encode when the encoder had pushed the peaks over the ceiling.</param>
/// <param name="Encodes">1, or up to 3 when the track was encoded again with less gain.</param>
public sealed record ManifestLoudness(double IntegratedLufs, double LoudnessRangeLu, double TruePeakDbtp, double CeilingDbtp,
    double ExportGainDb, int Encodes);

public sealed record ManifestRecipe(string? Name, string? File, string? Text);

/// <summary>One stem: its name, its file (relative to the manifest when packaged), its format, and whether the package holds it.</summary>
public sealed record ManifestStem(string Name, string File, bool InPackage, int SampleRate, int Channels, double DurationSeconds);
