using DubAgent.Core.Media;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// Where the sound in a clip begins and ends, so the silence engines put before and after speech does not count
/// against the slot. Streams the clip in blocks; keeps a short margin so consonants are not clipped.
/// </summary>
public static class SpeechBounds
{
    /// <summary>About -46 dBFS: quieter 10 ms windows at the edges count as silence.</summary>
    private const float Threshold = 0.005f;
    private const double MarginSeconds = 0.015;

    /// <param name="StartFrame">First frame kept.</param>
    /// <param name="EndFrame">One past the last frame kept (equal to StartFrame for a silent clip).</param>
    public readonly record struct Bounds(long StartFrame, long EndFrame, int SampleRate, long TotalFrames)
    {
        public double Seconds => (double)(EndFrame - StartFrame) / SampleRate;
    }

    public static Bounds Measure(string wavPath)
    {
        using var reader = new WavReader(wavPath);
        var rate = reader.Format.SampleRate;
        var channels = reader.Format.Channels;
        var window = Math.Max(1, rate / 100);
        var buffer = new float[window * channels * 64];
        long first = -1, last = -1, position = 0;
        int read;
        while ((read = reader.Read(buffer)) > 0)
        {
            for (var w = 0; w < read; w += window)
            {
                var count = Math.Min(window, read - w);
                var peak = 0f;
                for (var i = w * channels; i < (w + count) * channels; i++) peak = Math.Max(peak, Math.Abs(buffer[i]));
                if (peak < Threshold) continue;
                if (first < 0) first = position + w;
                last = position + w + count;
            }
            position += read;
        }
        if (first < 0) return new Bounds(0, 0, rate, position);
        var margin = (long)(MarginSeconds * rate);
        return new Bounds(Math.Max(0, first - margin), Math.Min(position, last + margin), rate, position);
    }
}
