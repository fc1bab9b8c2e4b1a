namespace DubAgent.Abstractions.Media;

/// <summary>One audio track to put into a video.</summary>
/// <param name="Path">Any audio file ffmpeg reads.</param>
/// <param name="Language">ISO 639-2 or 639-1 code for the track's language tag.</param>
/// <param name="Title">Track title shown by players.</param>
/// <param name="GainDb">Gain applied before encoding (export lowers it when the encoder pushed the peaks over the ceiling).</param>
public sealed record AudioTrack(string Path, string? Language, string? Title = null, double GainDb = 0);
