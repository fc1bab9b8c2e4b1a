using System.Text;

namespace DubAgent.Engines.Export;

/// <summary>`{voice or language}_{video name}_dubbed`, with characters file systems and zip readers dislike replaced.</summary>
public static class DubbedFileName
{
    public static string Stem(string? voice, string language, string videoPath) =>
        $"{Clean(string.IsNullOrWhiteSpace(voice) ? language : voice)}_{Clean(Path.GetFileNameWithoutExtension(videoPath))}_dubbed";

    internal static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
            builder.Append(char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_');
        var cleaned = builder.ToString().Trim('.', '_');
        return cleaned.Length == 0 ? "audio" : cleaned;
    }
}
