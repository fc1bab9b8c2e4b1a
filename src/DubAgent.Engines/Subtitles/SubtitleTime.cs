using System.Globalization;

namespace DubAgent.Engines.Subtitles;

/// <summary>Cue times as SRT (00:01:02,345) and WebVTT (00:01:02.345) write them.</summary>
public static class SubtitleTime
{
    public static string Srt(double seconds) => Format(seconds, ',');

    public static string Vtt(double seconds) => Format(seconds, '.');

    private static string Format(double seconds, char separator)
    {
        var ms = (long)Math.Round(Math.Max(0, seconds) * 1000, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{ms / 3_600_000:00}:{ms / 60_000 % 60:00}:{ms / 1000 % 60:00}{separator}{ms % 1000:000}");
    }
}
