namespace DubAgent.Core.Tests.Dsp;

/// <summary>Synthetic signals with known content for the DSP tests.</summary>
internal static class TestSignals
{
    /// <summary>A voice-like harmonic tone: fundamental <paramref name="hz"/>, harmonics falling 6 dB per octave.</summary>
    public static float[] Harmonic(double hz, double seconds, int sampleRate, double amplitude = 0.3, double vibratoHz = 0)
    {
        var n = (int)(seconds * sampleRate);
        var x = new float[n];
        var phase = 0.0;
        for (var i = 0; i < n; i++)
        {
            var f = hz * (1 + (vibratoHz > 0 ? 0.03 * Math.Sin(2 * Math.PI * vibratoHz * i / sampleRate) : 0));
            phase += 2 * Math.PI * f / sampleRate;
            var v = 0.0;
            for (var h = 1; h * f < sampleRate / 2.0 && h <= 30; h++) v += Math.Sin(h * phase) / h;
            x[i] = (float)(amplitude * v / 2);
        }
        return x;
    }

    public static float[] Noise(double seconds, int sampleRate, double amplitude, int seed = 1)
    {
        var random = new Random(seed);
        var x = new float[(int)(seconds * sampleRate)];
        for (var i = 0; i < x.Length; i++) x[i] = (float)(amplitude * (random.NextDouble() * 2 - 1));
        return x;
    }

    public static float[] Concat(params float[][] parts) => parts.SelectMany(p => p).ToArray();

    public static float[] Silence(double seconds, int sampleRate) => new float[(int)(seconds * sampleRate)];

    public static float[] Add(float[] a, float[] b)
    {
        var r = new float[Math.Max(a.Length, b.Length)];
        for (var i = 0; i < r.Length; i++) r[i] = (i < a.Length ? a[i] : 0) + (i < b.Length ? b[i] : 0);
        return r;
    }
}
