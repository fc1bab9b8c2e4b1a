using System.Globalization;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;

namespace DubAgent.Core.Media;

/// <summary>Measures EBU R128 loudness (integrated LUFS, LRA, true peak) with ffmpeg's ebur128 filter.</summary>
public sealed class LoudnessMeter(Ffmpeg ffmpeg)
{
    /// <summary>Measures the first audio stream of any media file (or the stream <paramref name="audioStream"/>).</summary>
    public async Task<LoudnessMeasurement> MeasureAsync(string path, CancellationToken cancellationToken, int audioStream = 0)
    {
        var full = InputFiles.RequireFile(path, "audio");
        var stderr = await ffmpeg.RunForStderrAsync(
            ["-i", full, "-map", $"0:a:{audioStream.ToString(CultureInfo.InvariantCulture)}", "-vn", "-sn", "-dn",
             // framelog=verbose keeps the ten-per-second frame lines out of stderr; only the summary is printed.
             "-af", "ebur128=peak=true:framelog=verbose", "-f", "null", "-"],
            "measure loudness", cancellationToken).ConfigureAwait(false);
        return ParseSummary(stderr)
            ?? throw new MediaException($"ffmpeg's ebur128 filter printed no loudness summary for '{path}'.",
                "Check that the file has a decodable audio stream.", Tail(stderr));
    }

    /// <summary>Reads the "Summary:" block ebur128 prints at the end; null when there is none.</summary>
    public static LoudnessMeasurement? ParseSummary(string stderr)
    {
        var start = stderr.LastIndexOf("Summary:", StringComparison.Ordinal);
        if (start < 0) return null;
        double? integrated = null, range = null, peak = null, threshold = null;
        var section = "";
        foreach (var raw in stderr[start..].Split('\n'))
        {
            var line = raw.Trim();
            if (line.EndsWith(':')) { section = line; continue; }
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var key = line[..colon];
            var value = Number(line[(colon + 1)..]);
            if (value is null) continue;
            switch (section, key)
            {
                case ("Integrated loudness:", "I"): integrated = value; break;
                case ("Integrated loudness:", "Threshold"): threshold = value; break;
                case ("Loudness range:", "LRA"): range = value; break;
                case ("True peak:", "Peak"): peak = value; break;
            }
        }
        return integrated is null ? null
            : new LoudnessMeasurement(integrated.Value, range ?? 0, peak ?? double.NegativeInfinity, threshold ?? -70);
    }

    private static double? Number(string text)
    {
        var token = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (token is null) return null;
        if (token is "-inf") return double.NegativeInfinity;
        if (token is "inf") return double.PositiveInfinity;
        return double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    private static string Tail(string text)
    {
        var lines = text.Split('\n');
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 10)));
    }
}
