using DubAgent.Abstractions.Errors;
using DubAgent.Core.Media;

namespace DubAgent.Engines.Export;

/// <summary>A subtitle file to ship: .srt or .vtt, with its language.</summary>
public sealed record SubtitleFile(string Path, string Language)
{
    public string Extension => System.IO.Path.GetExtension(Path).ToLowerInvariant();

    /// <summary>Checks the file and finds its language: the 'xx' of 'name.xx.srt' (write_subtitles' naming), else the fallback.</summary>
    public static SubtitleFile From(string path, string? fallbackLanguage, string argument)
    {
        var full = InputFiles.RequireFile(path, argument);
        var extension = System.IO.Path.GetExtension(full).ToLowerInvariant();
        if (extension is not (".srt" or ".vtt"))
            throw new InputException($"The {argument} file '{path}' is not .srt or .vtt.", "Give the .srt or .vtt files write_subtitles wrote.");
        var inner = System.IO.Path.GetExtension(System.IO.Path.GetFileNameWithoutExtension(full)).TrimStart('.');
        var language = inner.Length is 2 or 3 && inner.All(char.IsLetter) ? inner.ToLowerInvariant() : fallbackLanguage ?? "und";
        return new SubtitleFile(full, language);
    }
}
