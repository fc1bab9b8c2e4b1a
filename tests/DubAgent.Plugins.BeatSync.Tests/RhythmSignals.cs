namespace DubAgent.Plugins.BeatSync.Tests;

/// <summary>Test rhythms synthesized in code, with their exact beat times.</summary>
public static class RhythmSignals
{
    public const int Rate = 22050;

    /// <summary>A metronome: a short high click on each beat, the first of every bar louder and higher (the downbeat).</summary>
    public static (float[] Samples, double[] Beats, double[] Downbeats) ClickTrack(double bpm, double seconds, double offset = 0.5, int beatsPerBar = 4)
    {
        var samples = new float[(int)(seconds * Rate)];
        var beats = new List<double>();
        var downbeats = new List<double>();
        var period = 60 / bpm;
        for (var (t, i) = (offset, 0); t < seconds - 0.1; t += period, i++)
        {
            var accent = i % beatsPerBar == 0;
            beats.Add(t);
            if (accent) downbeats.Add(t);
            AddClick(samples, t, accent ? 1500 : 1000, accent ? 0.9 : 0.5, 0.02);
        }
        return (samples, beats.ToArray(), downbeats.ToArray());
    }

    /// <summary>A rock drum loop: kick on 1 and 3, snare on 2 and 4, closed hi-hat on every eighth, with a quiet pad underneath.</summary>
    public static (float[] Samples, double[] Beats, double[] Downbeats) DrumLoop(double bpm, double seconds, double offset = 0.25, int seed = 7)
    {
        var samples = new float[(int)(seconds * Rate)];
        var random = new Random(seed);
        var beats = new List<double>();
        var downbeats = new List<double>();
        var period = 60 / bpm;
        for (var (t, i) = (offset, 0); t < seconds - 0.1; t += period, i++)
        {
            beats.Add(t);
            var position = i % 4;
            if (position == 0) downbeats.Add(t);
            if (position is 0 or 2) AddKick(samples, t, position == 0 ? 1.0 : 0.8);
            if (position is 1 or 3) AddNoise(samples, t, 0.5, 0.12, random, lowpass: false);
            AddNoise(samples, t, 0.15, 0.03, random, lowpass: false);
            AddNoise(samples, t + period / 2, 0.12, 0.03, random, lowpass: false);
        }
        for (var n = 0; n < samples.Length; n++) samples[n] += 0.05f * (float)Math.Sin(2 * Math.PI * 220 * n / Rate);
        return (samples, beats.ToArray(), downbeats.ToArray());
    }

    private static void AddClick(float[] s, double time, double frequency, double amplitude, double length)
    {
        var start = (int)(time * Rate);
        for (var n = 0; n < length * Rate && start + n < s.Length; n++)
            s[start + n] += (float)(amplitude * Math.Exp(-n / (0.004 * Rate)) * Math.Sin(2 * Math.PI * frequency * n / Rate));
    }

    private static void AddKick(float[] s, double time, double amplitude)
    {
        var start = (int)(time * Rate);
        double phase = 0;
        for (var n = 0; n < 0.25 * Rate && start + n < s.Length; n++)
        {
            var frequency = 50 + 100 * Math.Exp(-n / (0.02 * Rate));
            phase += 2 * Math.PI * frequency / Rate;
            s[start + n] += (float)(amplitude * Math.Exp(-n / (0.08 * Rate)) * Math.Sin(phase));
        }
    }

    private static void AddNoise(float[] s, double time, double amplitude, double decay, Random random, bool lowpass)
    {
        var start = (int)(time * Rate);
        double previous = 0;
        for (var n = 0; n < decay * 4 * Rate && start + n < s.Length; n++)
        {
            var white = random.NextDouble() * 2 - 1;
            var value = lowpass ? previous = 0.9 * previous + 0.1 * white : white;
            s[start + n] += (float)(amplitude * Math.Exp(-n / (decay * Rate)) * value);
        }
    }

    public static BeatGrid Analyse(float[] samples)
    {
        var envelope = new OnsetEnvelope(Rate);
        envelope.Add(samples);
        return BeatAnalysis.FromEnvelope(envelope, (double)samples.Length / Rate);
    }
}
