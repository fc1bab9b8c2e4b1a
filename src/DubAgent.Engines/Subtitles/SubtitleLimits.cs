namespace DubAgent.Engines.Subtitles;

/// <summary>
/// The readability limits subtitle editors check (Subtitle Edit's defaults, the Netflix and BBC timed-text guides):
/// at most 42 characters a line, two lines a cue, about 17 characters a second of reading, and a cue on screen long
/// enough to be read at all.
/// </summary>
public sealed record SubtitleLimits
{
    public int MaxLineLength { get; init; } = 42;

    public int MaxLines { get; init; } = 2;

    public double MaxCharsPerSecond { get; init; } = 17;

    /// <summary>Shortest time a cue stays up (five sixths of a second, the Netflix minimum of 20 frames at 24 fps).</summary>
    public double MinDurationSeconds { get; init; } = 0.833;

    /// <summary>The gap kept before the next cue when one is extended for reading time (two frames).</summary>
    public double GapSeconds { get; init; } = 0.083;

    public int MaxCueLength => MaxLineLength * MaxLines;
}
