namespace DubAgent.Plugins.BeatSync;

/// <summary>
/// Downbeats where the metre is clear. Each beat gets an accent: its loudness plus its bass loudness (kicks mark bar
/// starts), in dB, over the first ~100 ms after it. For bars of 4 and of 3 beats, the bar position with the loudest mean
/// accent is the downbeat; the metre counts as clear when that position stands out from the next one by at least
/// <see cref="ClarityThresholdDb"/>. Otherwise no downbeats are claimed.
/// </summary>
public static class DownbeatFinder
{
    public const double ClarityThresholdDb = 1.0;

    /// <returns>Indices into <paramref name="beatFrames"/> of the downbeats, the bar length, and the margin in dB.</returns>
    public static (IReadOnlyList<int> BeatIndices, int? BeatsPerBar, double ClarityDb) Find(
        IReadOnlyList<int> beatFrames, IReadOnlyList<double> energy, IReadOnlyList<double> lowEnergy, int framesAfter)
    {
        if (beatFrames.Count < 8) return ([], null, 0);
        var accent = beatFrames.Select(f => Decibels(Peak(energy, f, framesAfter)) + Decibels(Peak(lowEnergy, f, framesAfter))).ToArray();

        (int Metre, int Phase, double Margin) best = (0, 0, double.NegativeInfinity);
        foreach (var metre in new[] { 4, 3 })
        {
            if (accent.Length < metre * 2) continue;
            var means = new double[metre];
            for (var phase = 0; phase < metre; phase++)
                means[phase] = accent.Where((_, i) => i % metre == phase).Average();
            var order = Enumerable.Range(0, metre).OrderByDescending(p => means[p]).ToArray();
            var margin = means[order[0]] - means[order[1]];
            if (margin > best.Margin) best = (metre, order[0], margin);
        }
        if (best.Margin < ClarityThresholdDb) return ([], null, Math.Max(0, best.Margin));
        var indices = Enumerable.Range(0, beatFrames.Count).Where(i => i % best.Metre == best.Phase).ToList();
        return (indices, best.Metre, best.Margin);
    }

    private static double Decibels(double power) => 10 * Math.Log10(power + 1e-12);

    /// <summary>The loudest frame from one frame before the beat to <paramref name="after"/> frames after it.</summary>
    private static double Peak(IReadOnlyList<double> values, int frame, int after)
    {
        var peak = 0.0;
        for (var i = Math.Max(0, frame - 1); i <= Math.Min(values.Count - 1, frame + after); i++) peak = Math.Max(peak, values[i]);
        return peak;
    }
}
