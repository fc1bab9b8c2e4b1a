namespace DubAgent.Engines.Export;

/// <summary>What `export` produced.</summary>
public sealed class ExportResult
{
    public required IReadOnlyList<ExportedVideo> Videos { get; init; }

    /// <summary>The package zip, or null when package was false.</summary>
    public string? PackagePath { get; init; }

    /// <summary>Entries in the zip.</summary>
    public int PackageEntries { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>One dubbed file and its key figures.</summary>
/// <param name="AudioVideoDifferenceMs">|audio length - video length| of the written file (0 for audio only).</param>
/// <param name="IntegratedLufs">Loudness of the dubbed AAC track of the final file as ebur128 measures it.</param>
/// <param name="TruePeakDbtp">True peak of that track, measured on the final file.</param>
/// <param name="ExportGainDb">0, or the gain export took off because AAC encoding pushed the true peak over -1 dBTP.</param>
/// <param name="Encodes">How many times the file was encoded (1 to 3).</param>
public sealed record ExportedVideo(string Path, string Language, string? Voice, string ManifestPath, IReadOnlyList<string> SubtitleFiles,
    double DurationSeconds, double AudioVideoDifferenceMs, double FrameMs, double IntegratedLufs, double TruePeakDbtp, bool AudioOnly,
    double ExportGainDb, int Encodes);
