namespace DubAgent.Cli.Demo;

/// <summary>A rendered line: 48 kHz stereo samples and where the speech in it starts and ends (espeak pads with silence).</summary>
public sealed record SpeechClip(float[] Samples, double SpeechStart, double SpeechEnd)
{
    public double Duration => (double)Samples.Length / DemoAudioFormat.Channels / DemoAudioFormat.SampleRate;

    /// <summary>Finds the first and last sample louder than -60 dBFS: the real extent of the speech.</summary>
    public static SpeechClip From(float[] samples)
    {
        const float threshold = 0.001f;
        var channels = DemoAudioFormat.Channels;
        var first = Array.FindIndex(samples, s => Math.Abs(s) > threshold);
        var last = Array.FindLastIndex(samples, s => Math.Abs(s) > threshold);
        if (first < 0) return new SpeechClip(samples, 0, 0);
        double rate = DemoAudioFormat.SampleRate;
        return new SpeechClip(samples, first / channels / rate, (last / channels + 1) / rate);
    }
}
