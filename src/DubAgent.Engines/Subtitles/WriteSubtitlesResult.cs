namespace DubAgent.Engines.Subtitles;

/// <summary>The files written and how the cues meet the limits.</summary>
public sealed record WriteSubtitlesResult
{
    /// <summary>Every file written (.srt and/or .vtt per language).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    public IReadOnlyList<SubtitleTrackSummary> Tracks { get; init; } = [];
}

/// <param name="Language">ISO 639-1 code of the text.</param>
/// <param name="Segments">Segments with text.</param>
/// <param name="Cues">Cues written (more than segments when long ones were split).</param>
/// <param name="FastCues">Cues still above the reading-speed limit (no silence after them to lengthen into).</param>
/// <param name="MaxCharsPerSecond">The fastest cue's reading speed.</param>
public sealed record SubtitleTrackSummary(string Language, string Text, int Segments, int Cues, int FastCues, double MaxCharsPerSecond);
