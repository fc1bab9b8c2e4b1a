namespace DubAgent.Engines.Diarization;

/// <summary>
/// Sufficient statistics of a full-covariance Gaussian over feature frames: count, sum and scatter (sum of outer
/// products). They add, so a segment's or a cluster's Gaussian is the sum of its blocks', and a block's log-likelihood
/// under any Gaussian follows from its statistics alone, without its frames.
/// </summary>
public sealed class GaussianStatistics
{
    public GaussianStatistics(int dimensions)
    {
        Dimensions = dimensions;
        Sum = new double[dimensions];
        Scatter = new double[dimensions * dimensions];
    }

    public int Dimensions { get; }

    public double Count { get; private set; }

    public double[] Sum { get; }

    /// <summary>Row-major d x d sum of x·xᵀ (only the lower triangle is kept up to date; <see cref="Covariance"/> mirrors it).</summary>
    public double[] Scatter { get; }

    public void Add(ReadOnlySpan<float> frame)
    {
        Count++;
        var d = Dimensions;
        for (var i = 0; i < d; i++)
        {
            double xi = frame[i];
            Sum[i] += xi;
            var row = i * d;
            for (var j = 0; j <= i; j++) Scatter[row + j] += xi * frame[j];
        }
    }

    public void Add(GaussianStatistics other)
    {
        Count += other.Count;
        for (var i = 0; i < Sum.Length; i++) Sum[i] += other.Sum[i];
        for (var i = 0; i < Scatter.Length; i++) Scatter[i] += other.Scatter[i];
    }

    public static GaussianStatistics Merge(GaussianStatistics a, GaussianStatistics b)
    {
        var merged = new GaussianStatistics(a.Dimensions);
        merged.Add(a);
        merged.Add(b);
        return merged;
    }

    public double[] Mean()
    {
        var mean = new double[Dimensions];
        if (Count <= 0) return mean;
        for (var i = 0; i < Dimensions; i++) mean[i] = Sum[i] / Count;
        return mean;
    }

    /// <summary>
    /// The maximum-likelihood covariance plus <paramref name="floor"/> on the diagonal: a few dozen frames do not fill
    /// a full covariance, and the floor keeps it invertible without changing a well-estimated one much.
    /// </summary>
    public double[] Covariance(double[] floor)
    {
        var d = Dimensions;
        var mean = Mean();
        var n = Math.Max(1, Count);
        var covariance = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var c = Scatter[i * d + j] / n - mean[i] * mean[j];
                covariance[i * d + j] = c;
                covariance[j * d + i] = c;
            }
            covariance[i * d + i] += floor[i];
        }
        return covariance;
    }
}
