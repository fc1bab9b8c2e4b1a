using System.Globalization;

namespace DubAgent.Core.Media;

/// <summary>Turns ffmpeg's `-progress pipe:1` key=value lines into a fraction of the expected duration.</summary>
public sealed class FfmpegProgressParser(double totalSeconds)
{
    public double? SecondsDone { get; private set; }

    public bool Ended { get; private set; }

    /// <summary>Feeds one line; returns the fraction done when the line moved it.</summary>
    public double? Feed(string line)
    {
        var eq = line.IndexOf('=');
        if (eq <= 0) return null;
        var key = line.AsSpan(0, eq).Trim();
        var value = line.AsSpan(eq + 1).Trim();
        if (key.SequenceEqual("progress") && value.SequenceEqual("end"))
        {
            Ended = true;
            return 1.0;
        }
        // out_time_us and (despite its name) out_time_ms are both microseconds in ffmpeg 5.
        if ((key.SequenceEqual("out_time_us") || key.SequenceEqual("out_time_ms"))
            && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var micros) && micros >= 0)
        {
            SecondsDone = micros / 1_000_000.0;
            return totalSeconds > 0 ? Math.Clamp(SecondsDone.Value / totalSeconds, 0, 1) : null;
        }
        return null;
    }
}
