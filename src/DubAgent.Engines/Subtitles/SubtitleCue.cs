namespace DubAgent.Engines.Subtitles;

/// <summary>One cue on screen: its time (seconds), its lines, and the speaker of the segment it came from.</summary>
public sealed record SubtitleCue(double Start, double End, IReadOnlyList<string> Lines, string? Speaker = null)
{
    /// <summary>Characters read, counting the spaces and one for each line break (as subtitle editors count).</summary>
    public int Characters => Lines.Sum(l => l.Length) + Math.Max(0, Lines.Count - 1);

    public double Duration => End - Start;

    public double CharsPerSecond => Duration > 0 ? Characters / Duration : double.PositiveInfinity;
}
