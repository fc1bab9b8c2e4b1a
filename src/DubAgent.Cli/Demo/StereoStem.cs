using DubAgent.Core.Media;

namespace DubAgent.Cli.Demo;

/// <summary>
/// One stem of the demo soundtrack, held in memory: the demo is a fixed one-minute asset (23 MB per stem), so clips
/// are laid onto an array rather than streamed. Films never go through here.
/// </summary>
public sealed class StereoStem
{
    public StereoStem(long frames)
    {
        Samples = new float[frames * DemoAudioFormat.Channels];
    }

    /// <summary>Interleaved left/right samples.</summary>
    public float[] Samples { get; }

    public long Frames => Samples.Length / DemoAudioFormat.Channels;

    /// <summary>Adds a 48 kHz stereo clip at a time, scaled by <paramref name="gain"/>; the part past the end is dropped.</summary>
    public void Add(float[] clip, double atSeconds, float gain = 1f)
    {
        var offset = (long)Math.Round(atSeconds * DemoAudioFormat.SampleRate) * DemoAudioFormat.Channels;
        var count = Math.Min(clip.Length, Samples.Length - offset);
        for (var i = 0; i < count; i++) Samples[offset + i] += clip[i] * gain;
    }

    public void Scale(float factor)
    {
        for (var i = 0; i < Samples.Length; i++) Samples[i] *= factor;
    }

    public float Peak()
    {
        var peak = 0f;
        foreach (var s in Samples) peak = Math.Max(peak, Math.Abs(s));
        return peak;
    }

    public void Write(string path) => WavWriter.WriteAll(path, DemoAudioFormat.Format, Samples);

    /// <summary>The exact sample-by-sample sum of stems.</summary>
    public static StereoStem Sum(StereoStem a, StereoStem b)
    {
        var sum = new StereoStem(a.Frames);
        for (var i = 0; i < sum.Samples.Length; i++) sum.Samples[i] = a.Samples[i] + b.Samples[i];
        return sum;
    }
}
