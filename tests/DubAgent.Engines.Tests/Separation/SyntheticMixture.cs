namespace DubAgent.Engines.Tests.Separation;

/// <summary>A mixture with known stems: a gliding harmonic "voice" in phrases, held chords and short noise bursts.</summary>
internal static class SyntheticMixture
{
    public static (float[] Voice, float[] Background) Make(int rate, double seconds)
    {
        var n = (int)(seconds * rate);
        var voice = new float[n];
        var background = new float[n];
        var random = new Random(11);
        var phase = 0.0;
        for (var i = 0; i < n; i++)
        {
            var t = (double)i / rate;
            // Phrases of 1.2 s every 2 s, f0 gliding between 110 and 150 Hz with a 5 Hz vibrato.
            var inPhrase = t % 2.0 is > 0.4 and < 1.6;
            var f0 = 130 + 20 * Math.Sin(2 * Math.PI * 0.7 * t) + 3 * Math.Sin(2 * Math.PI * 5 * t);
            phase += 2 * Math.PI * f0 / rate;
            if (inPhrase)
            {
                var envelope = Math.Min(1, Math.Min((t % 2.0 - 0.4) / 0.05, (1.6 - t % 2.0) / 0.05));
                var v = 0.0;
                for (var h = 1; h * f0 < Math.Min(4000, rate / 2.0); h++) v += Math.Sin(h * phase) / h;
                voice[i] = (float)(0.1 * envelope * v);
            }
            // Chords held for 3 s; a 0.15 s noise burst every 1.7 s.
            var chord = (int)(t / 3) % 2 == 0 ? new[] { 220.0, 277.2, 329.6 } : new[] { 196.0, 246.9, 293.7 };
            var bed = chord.Sum(f => Math.Sin(2 * Math.PI * f * t)) * 0.04;
            var burst = t % 1.7 < 0.15 ? 0.15 * (random.NextDouble() * 2 - 1) : 0;
            background[i] = (float)(bed + burst);
        }
        return (voice, background);
    }

    public static float[] Sum(float[] a, float[] b) => a.Select((v, i) => v + b[i]).ToArray();
}
