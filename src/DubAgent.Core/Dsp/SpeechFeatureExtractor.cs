namespace DubAgent.Core.Dsp;

/// <summary>
/// Per-frame speech features of a magnitude spectrogram. Pitch is measured on the residual left after removing
/// each bin's running median over about 0.7 s: sustained chords and steady hum sit in that median, the voice's
/// gliding harmonics do not, so a voice is still found under loud music.
/// </summary>
public sealed class SpeechFeatureExtractor
{
    private readonly StftLayout _layout;
    private readonly PitchTracker _pitch;
    private readonly float _normalization;

    public SpeechFeatureExtractor(StftLayout layout, PitchTrackerOptions? pitchOptions = null)
    {
        _layout = layout;
        _pitch = new PitchTracker(layout, pitchOptions);
        // A full-scale sine under a Hann window peaks at N/4 and spreads over about 1.5 bins' worth of power.
        var peak = layout.FftSize / 4.0;
        _normalization = (float)(1.5 * peak * peak);
    }

    /// <summary>Frames of the running median that decide what is "stationary" (about 0.7 s).</summary>
    public int StationaryKernel => OddAtLeast3((int)Math.Round(0.7 / _layout.HopSeconds));

    /// <summary>Computes features for frames [from, to) of <paramref name="magnitudes"/>; <paramref name="stationary"/> may be given when already computed.</summary>
    public SpeechFrameFeatures[] Compute(Spectrogram magnitudes, int from, int to, Spectrogram? stationary = null)
    {
        stationary ??= MedianFilter.AlongTime(magnitudes, StationaryKernel);
        var binHz = _layout.BinHz;
        var e0 = Math.Max(1, (int)(100 / binHz));
        var f0 = Math.Max(1, (int)(300 / binHz));
        var top = Math.Min(magnitudes.Bins - 1, (int)(4000 / binHz));
        var result = new SpeechFrameFeatures[Math.Max(0, to - from)];
        Parallel.For(from, to, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new float[magnitudes.Bins], (t, _, residual) =>
        {
            var m = magnitudes.Frame(t);
            var s = stationary.Frame(t);
            double energy = 0, logSum = 0, linSum = 0;
            var n = 0;
            for (var k = e0; k <= top; k++)
            {
                var p = (double)m[k] * m[k];
                energy += p;
                if (k < f0) continue;
                logSum += Math.Log(p + 1e-12);
                linSum += p + 1e-12;
                n++;
            }
            for (var k = 0; k < residual.Length; k++) residual[k] = Math.Max(0, m[k] - s[k]);
            var energyDb = energy <= 0 ? -120f : (float)Math.Max(-120, 10 * Math.Log10(energy / _normalization));
            var flatness = n == 0 ? 1f : (float)(Math.Exp(logSum / n) / (linSum / n));
            result[t - from] = new SpeechFrameFeatures(energyDb, flatness, _pitch.Estimate(residual, m));
            return residual;
        }, _ => { });
        return result;
    }

    internal static int OddAtLeast3(int n) => Math.Max(3, n | 1);
}
