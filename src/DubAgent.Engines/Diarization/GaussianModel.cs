namespace DubAgent.Engines.Diarization;

/// <summary>
/// A full-covariance Gaussian fitted to <see cref="GaussianStatistics"/> (covariance floored on the diagonal), ready to
/// score other statistics: the summed log-likelihood of a block's frames needs only the block's count, sum and scatter.
/// </summary>
public sealed class GaussianModel
{
    private readonly double[] _mean;
    private readonly double[] _precision;
    private readonly double[] _precisionMean;
    private readonly double _meanPrecisionMean;

    private GaussianModel(double[] mean, double[] precision, double logDeterminant)
    {
        _mean = mean;
        _precision = precision;
        LogDeterminant = logDeterminant;
        var d = mean.Length;
        _precisionMean = new double[d];
        for (var i = 0; i < d; i++)
            for (var j = 0; j < d; j++) _precisionMean[i] += precision[i * d + j] * mean[j];
        for (var i = 0; i < d; i++) _meanPrecisionMean += mean[i] * _precisionMean[i];
    }

    public double LogDeterminant { get; }

    public int Dimensions => _mean.Length;

    public static GaussianModel Fit(GaussianStatistics statistics, double[] floor)
    {
        var d = statistics.Dimensions;
        var covariance = statistics.Covariance(floor);
        var cholesky = Cholesky(covariance, d);
        var logDeterminant = 0.0;
        for (var i = 0; i < d; i++) logDeterminant += 2 * Math.Log(cholesky[i * d + i]);
        return new GaussianModel(statistics.Mean(), Invert(cholesky, d), logDeterminant);
    }

    /// <summary>log|Σ| of the statistics' floored covariance, without inverting it.</summary>
    public static double LogDeterminantOf(GaussianStatistics statistics, double[] floor)
    {
        var d = statistics.Dimensions;
        var cholesky = Cholesky(statistics.Covariance(floor), d);
        var sum = 0.0;
        for (var i = 0; i < d; i++) sum += 2 * Math.Log(cholesky[i * d + i]);
        return sum;
    }

    /// <summary>Sum over the frames behind <paramref name="block"/> of log N(x; μ, Σ).</summary>
    public double LogLikelihood(GaussianStatistics block)
    {
        var d = Dimensions;
        var n = block.Count;
        if (n <= 0) return 0;
        // Σ (x-μ)ᵀP(x-μ) = tr(P·S) − 2 μᵀP·s + n μᵀPμ, with S the scatter and s the sum.
        var trace = 0.0;
        for (var i = 0; i < d; i++)
        {
            var row = i * d;
            trace += _precision[row + i] * block.Scatter[row + i];
            for (var j = 0; j < i; j++) trace += 2 * _precision[row + j] * block.Scatter[row + j];
        }
        var cross = 0.0;
        for (var i = 0; i < d; i++) cross += _precisionMean[i] * block.Sum[i];
        var mahalanobis = trace - 2 * cross + n * _meanPrecisionMean;
        return -0.5 * (n * (d * Math.Log(2 * Math.PI) + LogDeterminant) + mahalanobis);
    }

    /// <summary>Lower-triangular L with L·Lᵀ = A; a pivot that is not positive (numerically) is clamped, so a floored covariance always factors.</summary>
    private static double[] Cholesky(double[] a, int d)
    {
        var l = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i * d + j];
                for (var k = 0; k < j; k++) sum -= l[i * d + k] * l[j * d + k];
                if (i == j) l[i * d + i] = Math.Sqrt(Math.Max(sum, 1e-12));
                else l[i * d + j] = sum / l[j * d + j];
            }
        }
        return l;
    }

    /// <summary>(L·Lᵀ)⁻¹ from the Cholesky factor.</summary>
    private static double[] Invert(double[] l, int d)
    {
        var inverseL = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            inverseL[i * d + i] = 1 / l[i * d + i];
            for (var j = 0; j < i; j++)
            {
                var sum = 0.0;
                for (var k = j; k < i; k++) sum -= l[i * d + k] * inverseL[k * d + j];
                inverseL[i * d + j] = sum / l[i * d + i];
            }
        }
        var precision = new double[d * d];
        for (var i = 0; i < d; i++)
            for (var j = 0; j <= i; j++)
            {
                var sum = 0.0;
                for (var k = i; k < d; k++) sum += inverseL[k * d + i] * inverseL[k * d + j];
                precision[i * d + j] = sum;
                precision[j * d + i] = sum;
            }
        return precision;
    }
}
