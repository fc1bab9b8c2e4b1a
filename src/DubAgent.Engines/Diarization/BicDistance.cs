namespace DubAgent.Engines.Diarization;

/// <summary>
/// How strongly two stretches of frames ask to be two speakers rather than one: the Bayesian information criterion's
/// likelihood gain of two full-covariance Gaussians over one, in units of the penalty for the extra Gaussian
/// (Chen and Gopalakrishnan 1998); above λ (about 1) two Gaussians are better. It compares each voice with itself,
/// not with the rest of the file, so a file with one speaker has nothing far apart.
/// </summary>
/// <remarks>
/// The gain grows with the frames while the penalty grows with their logarithm, so plain BIC splits a long monologue
/// that drifts a little. Past <see cref="SaturationFrames"/> the frames are weighted down to that many: short stretches
/// are judged by BIC, long ones by how far apart their distributions are per frame.
/// </remarks>
public sealed class BicDistance(double[] floor)
{
    /// <summary>Frames (20 s of speech) beyond which more frames no longer make two clusters look farther apart.</summary>
    public const double SaturationFrames = 2000;

    public double Between(GaussianStatistics a, GaussianStatistics b) =>
        Between(a, GaussianModel.LogDeterminantOf(a, floor), b, GaussianModel.LogDeterminantOf(b, floor));

    /// <summary>The same, with each side's log-determinant already known (clusters keep theirs between merges).</summary>
    public double Between(GaussianStatistics a, double logDetA, GaussianStatistics b, double logDetB)
    {
        var merged = GaussianStatistics.Merge(a, b);
        var weight = Math.Min(1, SaturationFrames / Math.Max(1, merged.Count));
        var gain = 0.5 * weight * (merged.Count * GaussianModel.LogDeterminantOf(merged, floor) - a.Count * logDetA - b.Count * logDetB);
        var d = a.Dimensions;
        var penalty = 0.5 * (d + d * (d + 1) / 2.0) * Math.Log(Math.Max(2, weight * merged.Count));
        return gain / penalty;
    }

    public double LogDeterminant(GaussianStatistics statistics) => GaussianModel.LogDeterminantOf(statistics, floor);

    /// <summary>What every covariance gets on its diagonal.</summary>
    public double[] Floor => floor;
}
