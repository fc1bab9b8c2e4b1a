namespace DubAgent.Core.Dsp;

/// <summary>A pitch contour: one estimate per hop (<see cref="HopSeconds"/>); Hz is 0 in unvoiced frames.</summary>
public sealed class PitchTrack(double hopSeconds, PitchEstimate[] frames)
{
    public double HopSeconds { get; } = hopSeconds;

    public IReadOnlyList<PitchEstimate> Frames { get; } = frames;

    /// <summary>Time of a frame's start, seconds.</summary>
    public double TimeOf(int frame) => frame * HopSeconds;

    /// <summary>Share of frames that are voiced, 0..1.</summary>
    public double VoicedRatio => Frames.Count == 0 ? 0 : (double)Frames.Count(f => f.Voiced) / Frames.Count;

    /// <summary>
    /// Median fundamental of the voiced frames between two times (seconds), or null when none is voiced.
    /// The median ignores the occasional octave slip, so it is what speaker casting should use.
    /// </summary>
    public double? MedianHz(double startSeconds = 0, double endSeconds = double.MaxValue)
    {
        var from = Math.Max(0, (int)Math.Floor(startSeconds / HopSeconds));
        var to = (int)Math.Min(Frames.Count, Math.Ceiling(Math.Min(endSeconds, Frames.Count * HopSeconds) / HopSeconds));
        var voiced = new List<float>();
        for (var i = from; i < to; i++)
            if (Frames[i].Voiced) voiced.Add(Frames[i].Hz);
        if (voiced.Count == 0) return null;
        voiced.Sort();
        return voiced[voiced.Count / 2];
    }
}
