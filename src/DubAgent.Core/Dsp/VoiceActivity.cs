namespace DubAgent.Core.Dsp;

/// <summary>A stretch of speech, in seconds.</summary>
public readonly record struct SpeechRegion(double Start, double End)
{
    public double Duration => End - Start;
}

/// <summary>The detector's answer: a speech flag per hop and the speech regions they make.</summary>
public sealed class VoiceActivity(double hopSeconds, bool[] frames, double durationSeconds)
{
    public double HopSeconds { get; } = hopSeconds;

    /// <summary>One flag per hop: frame i covers [i·HopSeconds, (i+1)·HopSeconds).</summary>
    public IReadOnlyList<bool> Frames { get; } = frames;

    public double DurationSeconds { get; } = durationSeconds;

    /// <summary>Share of the duration that is speech, 0..1.</summary>
    public double SpeechRatio => DurationSeconds <= 0 ? 0 : Math.Min(1, Regions.Sum(r => r.Duration) / DurationSeconds);

    public IReadOnlyList<SpeechRegion> Regions { get; } = ToRegions(frames, hopSeconds, durationSeconds);

    /// <summary>Whether the frame at <paramref name="seconds"/> is speech.</summary>
    public bool IsSpeech(double seconds)
    {
        var i = (int)(seconds / HopSeconds);
        return i >= 0 && i < Frames.Count && Frames[i];
    }

    private static List<SpeechRegion> ToRegions(bool[] frames, double hop, double duration)
    {
        var regions = new List<SpeechRegion>();
        var start = -1;
        for (var i = 0; i <= frames.Length; i++)
        {
            var on = i < frames.Length && frames[i];
            if (on && start < 0) start = i;
            else if (!on && start >= 0)
            {
                regions.Add(new SpeechRegion(start * hop, Math.Min(duration, i * hop)));
                start = -1;
            }
        }
        return regions;
    }
}
