namespace DubAgent.Engines.Synthesis;

/// <summary>
/// Fundamental frequency of one short frame by normalized autocorrelation (60 to 400 Hz): enough to tell a low
/// voice from a high one for casting, not a pitch tracker for prosody.
/// </summary>
public static class PitchEstimator
{
    public const double MinHz = 60;
    public const double MaxHz = 400;

    /// <summary>The frame's f0 in Hz, or null when it is unvoiced or too quiet.</summary>
    public static double? EstimateHz(ReadOnlySpan<float> frame, int sampleRate, double voicingThreshold = 0.5)
    {
        var minLag = (int)(sampleRate / MaxHz);
        var maxLag = (int)(sampleRate / MinHz);
        if (frame.Length < maxLag * 2) return null;

        double mean = 0;
        foreach (var v in frame) mean += v;
        mean /= frame.Length;
        double energy = 0;
        foreach (var v in frame) energy += (v - mean) * (v - mean);
        if (energy / frame.Length < 1e-6) return null;

        var n = frame.Length - maxLag;
        double bestR = 0;
        var bestLag = -1;
        var r = new double[maxLag + 2];
        for (var lag = minLag; lag <= maxLag + 1 && lag < frame.Length - n + 1; lag++)
        {
            double cross = 0, e0 = 0, e1 = 0;
            for (var i = 0; i < n; i++)
            {
                var a = frame[i] - mean;
                var b = frame[i + lag] - mean;
                cross += a * b;
                e0 += a * a;
                e1 += b * b;
            }
            r[lag] = e0 > 0 && e1 > 0 ? cross / Math.Sqrt(e0 * e1) : 0;
        }
        // The first strong peak, not the global maximum: avoids octave errors towards long lags.
        var globalMax = 0.0;
        for (var lag = minLag; lag <= maxLag; lag++) globalMax = Math.Max(globalMax, r[lag]);
        if (globalMax < voicingThreshold) return null;
        for (var lag = minLag + 1; lag < maxLag; lag++)
        {
            if (r[lag] >= 0.9 * globalMax && r[lag] >= r[lag - 1] && r[lag] >= r[lag + 1])
            {
                bestLag = lag;
                bestR = r[lag];
                break;
            }
        }
        if (bestLag < 0 || bestR < voicingThreshold) return null;

        // Parabolic interpolation around the peak for a sub-sample lag.
        var (y0, y1, y2) = (r[bestLag - 1], r[bestLag], r[bestLag + 1]);
        var denominator = y0 - 2 * y1 + y2;
        var shift = Math.Abs(denominator) > 1e-12 ? 0.5 * (y0 - y2) / denominator : 0;
        return sampleRate / (bestLag + Math.Clamp(shift, -0.5, 0.5));
    }
}
