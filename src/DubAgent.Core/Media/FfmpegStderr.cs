using System.Text.RegularExpressions;

namespace DubAgent.Core.Media;

/// <summary>
/// ffmpeg's own words from its stderr: the last lines that say something, for the error message itself, so that the
/// cause survives wherever the error is passed on (a recipe step, an MCP result), not only in a separate tail.
/// </summary>
public static partial class FfmpegStderr
{
    private const int MaxLineChars = 240;

    /// <summary>Up to <paramref name="count"/> last meaningful lines joined with "; ", or null when there are none.</summary>
    public static string? LastMeaningfulLines(string? stderr, int count = 2)
    {
        if (string.IsNullOrWhiteSpace(stderr)) return null;
        var lines = stderr.Split('\n')
            .Select(Clean)
            .Where(IsMeaningful)
            .TakeLast(count)
            .Select(l => l.Length > MaxLineChars ? l[..MaxLineChars] + "…" : l)
            .ToList();
        return lines.Count == 0 ? null : string.Join("; ", lines);
    }

    /// <summary>"[mp4 @ 0x55d…] Could not …" reads "mp4: Could not …": the address means nothing to a reader.</summary>
    private static string Clean(string line) => ContextPrefix().Replace(line.Trim(), "$1: ");

    /// <summary>ffmpeg's closing lines repeat that it failed without saying why.</summary>
    private static bool IsMeaningful(string line) =>
        line.Length > 0
        && line != "Conversion failed!"
        && !line.StartsWith("Exiting normally", StringComparison.Ordinal)
        && !TrailingDashes().IsMatch(line);

    [GeneratedRegex(@"^\[([^\]@]+?) @ 0x[0-9a-fA-F]+\]\s*")]
    private static partial Regex ContextPrefix();

    /// <summary>"Error initializing output stream 0:1 -- " with nothing after the dashes.</summary>
    [GeneratedRegex(@"--\s*$")]
    private static partial Regex TrailingDashes();
}
