using DubAgent.Core.Dsp;

namespace DubAgent.Engines.SpeechDetection;

/// <summary>Regions as 10 ms frames, the grid of <see cref="VoiceActivity"/> here: a frame is speech when its middle lies in a region.</summary>
public static class RegionFrames
{
    public const double HopSeconds = 0.01;

    public static VoiceActivity ToActivity(IEnumerable<SpeechRegion> regions, double durationSeconds) =>
        new(HopSeconds, Mark(regions, durationSeconds), durationSeconds);

    /// <summary>One flag per frame of the duration; overlapping regions mark a frame once.</summary>
    public static bool[] Mark(IEnumerable<SpeechRegion> regions, double durationSeconds)
    {
        var frames = new bool[Math.Max(0, (int)Math.Ceiling(durationSeconds / HopSeconds - 1e-9))];
        foreach (var region in regions)
        {
            var first = Math.Max(0, (int)Math.Ceiling(region.Start / HopSeconds - 0.5));
            var end = Math.Min(frames.Length, (int)Math.Ceiling(region.End / HopSeconds - 0.5));
            for (var i = first; i < end; i++) frames[i] = true;
        }
        return frames;
    }
}
