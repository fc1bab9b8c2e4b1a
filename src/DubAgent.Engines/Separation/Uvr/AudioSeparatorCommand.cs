using System.Globalization;

namespace DubAgent.Engines.Separation.Uvr;

/// <summary>
/// The `audio-separator` command line (python-audio-separator, UVR's MDX-Net / VR / RoFormer models):
/// `audio-separator FILE -m MODEL_FILE --output_dir DIR --output_format WAV --sample_rate RATE --normalization 1.0
/// [--model_file_dir MODELS]`. It writes DIR/&lt;input name&gt;_(&lt;Stem&gt;)_&lt;model name&gt;.wav per stem, e.g.
/// `song_(Vocals)_UVR-MDX-NET-Voc_FT.wav` and `song_(Instrumental)_UVR-MDX-NET-Voc_FT.wav`.
/// Normalization 1.0 keeps the stems' levels (its default 0.9 rescales loud files).
/// </summary>
public sealed record AudioSeparatorCommand(string ModelFile, string? ModelDirectory, int SampleRate)
{
    public const string DefaultModel = "UVR-MDX-NET-Voc_FT.onnx";

    public IReadOnlyList<string> Arguments(string outputDirectory, string inputPath)
    {
        var arguments = new List<string>
        {
            inputPath, "-m", ModelFile, "--output_dir", outputDirectory, "--output_format", "WAV",
            "--sample_rate", SampleRate.ToString(CultureInfo.InvariantCulture), "--normalization", "1.0",
        };
        if (!string.IsNullOrWhiteSpace(ModelDirectory)) arguments.AddRange(["--model_file_dir", ModelDirectory]);
        return arguments;
    }

    /// <summary>
    /// Maps the files it wrote to DubAgent's stems: "(Vocals)" is the vocals; "(Instrumental)", or failing that any
    /// other single stem ("(Other)", "(No Vocals)"), is the background.
    /// </summary>
    public static (string Vocals, string Background)? MapOutputs(IEnumerable<string> files, string inputPath)
    {
        var prefix = Path.GetFileNameWithoutExtension(inputPath) + "_(";
        var stems = files
            .Where(f => Path.GetFileName(f).StartsWith(prefix, StringComparison.Ordinal))
            .Select(f => (Path: f, Stem: StemOf(Path.GetFileName(f)[(prefix.Length - 1)..])))
            .Where(s => s.Stem is not null)
            .ToList();
        var vocals = stems.FirstOrDefault(s => s.Stem!.Equals("Vocals", StringComparison.OrdinalIgnoreCase)).Path;
        var others = stems.Where(s => !s.Stem!.Equals("Vocals", StringComparison.OrdinalIgnoreCase)).ToList();
        var background = others.FirstOrDefault(s => s.Stem!.Equals("Instrumental", StringComparison.OrdinalIgnoreCase)).Path
            ?? (others.Count == 1 ? others[0].Path : null);
        return vocals is null || background is null ? null : (vocals, background);
    }

    /// <summary>"(Vocals)_model.wav" → "Vocals".</summary>
    private static string? StemOf(string rest)
    {
        var close = rest.IndexOf(")_", StringComparison.Ordinal);
        return rest.StartsWith('(') && close > 1 ? rest[1..close] : null;
    }
}
