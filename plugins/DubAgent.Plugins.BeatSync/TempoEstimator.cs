namespace DubAgent.Plugins.BeatSync;

/// <summary>
/// Tempo from the autocorrelation of the onset envelope: the lag (40–240 BPM) whose autocorrelation, weighted by a
/// log-normal preference around 120 BPM (one octave wide, as in Ellis 2007), is largest; refined by parabolic
/// interpolation between lags. Each lag also collects half the autocorrelation at twice its length, so a beat that
/// repeats every bar (kick on 1 and 3) supports the beat rather than pulling the tempo down an octave.
/// </summary>
public static class TempoEstimator
{
    public const double MinBpm = 40;
    public const double MaxBpm = 240;
    private const double PreferredBpm = 120;

    /// <returns>Beats per minute and the share of the weighted autocorrelation the winning lag holds (a confidence).</returns>
    public static (double Bpm, double Confidence) Estimate(IReadOnlyList<double> onset, double frameRate)
    {
        var minLag = Math.Max(1, (int)Math.Floor(frameRate * 60 / MaxBpm));
        var maxLag = (int)Math.Ceiling(frameRate * 60 / MinBpm);
        if (onset.Count < maxLag * 2) maxLag = Math.Max(minLag + 1, onset.Count / 2);
        if (maxLag <= minLag) return (PreferredBpm, 0);

        var raw = new double[2 * maxLag + 3];
        for (var lag = minLag; lag < raw.Length && lag < onset.Count; lag++)
        {
            double sum = 0;
            for (var i = lag; i < onset.Count; i++) sum += onset[i] * onset[i - lag];
            raw[lag] = sum / (onset.Count - lag);
        }
        var weighted = new double[maxLag + 2];
        for (var lag = minLag; lag <= maxLag + 1; lag++)
        {
            var bpm = 60 * frameRate / lag;
            var octaves = Math.Log2(bpm / PreferredBpm);
            weighted[lag] = (raw[lag] + 0.5 * raw[2 * lag]) * Math.Exp(-0.5 * octaves * octaves);
        }

        var best = minLag;
        for (var lag = minLag; lag <= maxLag; lag++) if (weighted[lag] > weighted[best]) best = lag;
        var total = weighted.Where(w => w > 0).Sum();
        var confidence = total > 0 ? weighted[best] / total : 0;

        // Parabolic interpolation of the raw autocorrelation peak for a sub-frame lag.
        var refined = (double)best;
        if (best > minLag && best < maxLag)
        {
            double a = raw[best - 1], b = raw[best], c = raw[best + 1];
            var denominator = a - 2 * b + c;
            if (Math.Abs(denominator) > 1e-12) refined = best + Math.Clamp(0.5 * (a - c) / denominator, -0.5, 0.5);
        }
        var period = ResolveOctave(onset, refined, frameRate * 60 / MaxBpm, frameRate * 60 / MinBpm);
        return (60 * frameRate / period, confidence);
    }

    /// <summary>
    /// Autocorrelation cannot tell a beat from half or twice a beat. The beat is the level whose pulses stand out most
    /// from what lies halfway between them: at the true beat, beats carry kicks and snares and the midpoints only
    /// hi-hats; at half the beat, the midpoints are snares as strong as the beats; at twice the beat, half the "beats"
    /// are those weak midpoints. The contrast (mean onset on the grid minus mean onset midway, at the best phase)
    /// picks the level, with a mild preference for tempi near 120 BPM.
    /// </summary>
    private static double ResolveOctave(IReadOnlyList<double> onset, double period, double minPeriod, double maxPeriod)
    {
        var best = period;
        var bestScore = double.NegativeInfinity;
        foreach (var candidate in new[] { period, period / 2, period * 2 })
        {
            if (candidate < minPeriod - 1e-9 || candidate > maxPeriod + 1e-9) continue;
            var score = Contrast(onset, candidate) * Math.Exp(-0.5 * Math.Pow(Math.Log2(candidate / period) / 1.5, 2));
            if (score > bestScore + 1e-9) { bestScore = score; best = candidate; }
        }
        return best;
    }

    private static double Contrast(IReadOnlyList<double> onset, double period)
    {
        var best = double.NegativeInfinity;
        var phases = (int)Math.Ceiling(period);
        for (var phase = 0; phase < phases; phase++)
        {
            double on = 0, off = 0;
            var count = 0;
            for (var t = (double)phase; t + period / 2 < onset.Count - 1; t += period)
            {
                on += PeakNear(onset, t);
                off += PeakNear(onset, t + period / 2);
                count++;
            }
            if (count > 0) best = Math.Max(best, (on - off) / count);
        }
        return best;
    }

    private static double PeakNear(IReadOnlyList<double> onset, double position)
    {
        var centre = (int)Math.Round(position);
        var peak = 0.0;
        for (var i = Math.Max(0, centre - 1); i <= Math.Min(onset.Count - 1, centre + 1); i++) peak = Math.Max(peak, onset[i]);
        return peak;
    }
}
