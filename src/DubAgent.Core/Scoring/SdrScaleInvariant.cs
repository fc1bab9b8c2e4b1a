namespace DubAgent.Core.Scoring;

/// <summary>
/// Scale-invariant SDR (Le Roux et al., 2019): the estimate's best scaled copy of the reference over the rest,
/// 10·log10(|αs|² / |αs - ŝ|²) with α = ⟨ŝ, s⟩ / |s|². No filter, no mean removal: a delay or an EQ counts as error.
/// </summary>
public static class SdrScaleInvariant
{
    public static double Compute(ReadOnlySpan<float> reference, ReadOnlySpan<float> estimate)
    {
        var n = Math.Min(reference.Length, estimate.Length);
        double dot = 0, refEnergy = 0;
        for (var i = 0; i < n; i++)
        {
            dot += (double)reference[i] * estimate[i];
            refEnergy += (double)reference[i] * reference[i];
        }
        if (refEnergy == 0) throw new ArgumentException("The reference is silent; SI-SDR is undefined for it.");
        var alpha = dot / refEnergy;
        double target = 0, noise = 0;
        for (var i = 0; i < n; i++)
        {
            var s = alpha * reference[i];
            target += s * s;
            noise += (s - estimate[i]) * (s - estimate[i]);
        }
        if (noise == 0) return double.PositiveInfinity;
        if (target == 0) return double.NegativeInfinity;
        return 10 * Math.Log10(target / noise);
    }
}
