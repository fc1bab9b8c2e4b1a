using System.Globalization;

namespace DubAgent.Engines.Separation.Demucs;

/// <summary>
/// Demucs' documented command line and output layout: `demucs -n MODEL [--two-stems=vocals] [-d DEVICE] [--shifts N]
/// [--segment N] -o DIR FILE` writes DIR/MODEL/TRACK/{vocals,no_vocals}.wav with two stems, or
/// DIR/MODEL/TRACK/{vocals,drums,bass,other}.wav with four, TRACK being the input's name without its extension.
/// </summary>
public sealed record DemucsCommand(string Model, bool TwoStems, string? Device, int? Shifts, int? Segment)
{
    public const string DefaultModel = "htdemucs";

    public IReadOnlyList<string> Arguments(string outputDirectory, string inputPath)
    {
        var arguments = new List<string> { "-n", Model };
        if (TwoStems) arguments.Add("--two-stems=vocals");
        if (!string.IsNullOrWhiteSpace(Device)) arguments.AddRange(["-d", Device]);
        if (Shifts is { } shifts) arguments.AddRange(["--shifts", shifts.ToString(CultureInfo.InvariantCulture)]);
        if (Segment is { } segment) arguments.AddRange(["--segment", segment.ToString(CultureInfo.InvariantCulture)]);
        arguments.AddRange(["-o", outputDirectory, inputPath]);
        return arguments;
    }

    /// <summary>The folder Demucs writes the stems of <paramref name="inputPath"/> into.</summary>
    public string TrackDirectory(string outputDirectory, string inputPath) =>
        Path.Combine(outputDirectory, Model, Path.GetFileNameWithoutExtension(inputPath));

    /// <summary>Demucs' stem files this command produces, by Demucs' own stem name.</summary>
    public IReadOnlyList<string> StemFiles => TwoStems ? ["vocals", "no_vocals"] : ["vocals", "drums", "bass", "other"];
}
