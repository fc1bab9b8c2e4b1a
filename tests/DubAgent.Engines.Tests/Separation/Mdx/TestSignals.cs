namespace DubAgent.Engines.Tests.Separation.Mdx;

/// <summary>Deterministic test audio for the MDX plumbing and how close two signals are.</summary>
internal static class TestSignals
{
    /// <summary>
    /// A sum of slowly swelling partials between <paramref name="lowHz"/> and <paramref name="highHz"/>, different in each
    /// channel. For round trips keep them from 200 Hz to 8 kHz: the Hann window's sidelobes of lower partials reach the
    /// three lowest bins UVR silences (a 60 Hz partial costs the round trip 50 dB), and the kink where reflection
    /// padding meets the signal spreads about -70 dB over every bin near a window's edges. They fade in and out over
    /// 50 ms, so they stay in their band at the file's ends too.
    /// </summary>
    public static float[][] Partials(int rate, int frames, double lowHz, double highHz, int seed, int count = 12)
    {
        var random = new Random(seed);
        var channels = new float[2][];
        for (var c = 0; c < 2; c++)
        {
            channels[c] = new float[frames];
            for (var p = 0; p < count; p++)
            {
                var hz = lowHz * Math.Pow(highHz / lowHz, random.NextDouble());
                var phase = random.NextDouble() * 2 * Math.PI;
                var swell = 0.2 + random.NextDouble();
                var amplitude = 0.5 / count;
                for (var i = 0; i < frames; i++)
                {
                    var t = (double)i / rate;
                    var fade = Math.Min(1, Math.Min(t, (double)(frames - 1 - i) / rate) / 0.05);
                    var envelope = 0.5 - 0.5 * Math.Cos(Math.PI * fade);
                    channels[c][i] += (float)(amplitude * envelope * (0.6 + 0.4 * Math.Sin(2 * Math.PI * swell * t + phase)) * Math.Sin(2 * Math.PI * hz * t + phase));
                }
            }
        }
        return channels;
    }

    public static float[] Interleave(float[][] channels)
    {
        var result = new float[channels[0].Length * channels.Length];
        for (var i = 0; i < channels[0].Length; i++)
        for (var c = 0; c < channels.Length; c++)
            result[i * channels.Length + c] = channels[c][i];
        return result;
    }

    /// <summary>10·log10(reference energy / error energy) over interleaved samples [from, to), no scaling allowed.</summary>
    public static double Sdr(float[] reference, float[] estimate, int from = 0, int? to = null)
    {
        double signal = 0, error = 0;
        for (var i = from; i < (to ?? reference.Length); i++)
        {
            signal += (double)reference[i] * reference[i];
            var e = (double)reference[i] - estimate[i];
            error += e * e;
        }
        return 10 * Math.Log10(signal / Math.Max(error, 1e-30));
    }
}
