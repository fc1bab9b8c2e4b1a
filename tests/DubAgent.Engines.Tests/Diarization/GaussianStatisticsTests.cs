using DubAgent.Engines.Diarization;

namespace DubAgent.Engines.Tests.Diarization;

public class GaussianStatisticsTests
{
    private static float[][] Frames(int count, double[] mean, double[] spread, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => mean.Select((m, i) =>
        {
            // Box-Muller: one normal draw per dimension.
            var u = 1 - random.NextDouble();
            var v = random.NextDouble();
            return (float)(m + spread[i] * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v));
        }).ToArray()).ToArray();
    }

    private static GaussianStatistics Statistics(IEnumerable<float[]> frames, int dimensions)
    {
        var statistics = new GaussianStatistics(dimensions);
        foreach (var f in frames) statistics.Add(f);
        return statistics;
    }

    [Fact]
    public void A_blocks_log_likelihood_from_its_statistics_equals_the_sum_over_its_frames()
    {
        var fit = Frames(500, [1, -2, 0.5], [1, 0.5, 2], seed: 1);
        var block = Frames(25, [0, 0, 0], [1, 1, 1], seed: 2);
        var floor = new double[] { 0.01, 0.01, 0.01 };
        var model = GaussianModel.Fit(Statistics(fit, 3), floor);

        // Direct: the covariance of the fitted frames (maximum likelihood, floored), inverted by hand for 3 x 3.
        var mean = Enumerable.Range(0, 3).Select(d => fit.Average(f => (double)f[d])).ToArray();
        var c = new double[3, 3];
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
                c[i, j] = fit.Average(f => (f[i] - mean[i]) * (f[j] - mean[j])) + (i == j ? 0.01 : 0);
        var det = c[0, 0] * (c[1, 1] * c[2, 2] - c[1, 2] * c[2, 1]) - c[0, 1] * (c[1, 0] * c[2, 2] - c[1, 2] * c[2, 0]) + c[0, 2] * (c[1, 0] * c[2, 1] - c[1, 1] * c[2, 0]);
        var inverse = new double[3, 3];
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
            {
                int r0 = (j + 1) % 3, r1 = (j + 2) % 3, c0 = (i + 1) % 3, c1 = (i + 2) % 3;
                inverse[i, j] = (c[r0, c0] * c[r1, c1] - c[r0, c1] * c[r1, c0]) / det;
            }
        var expected = block.Sum(x =>
        {
            var q = 0.0;
            for (var i = 0; i < 3; i++)
                for (var j = 0; j < 3; j++) q += (x[i] - mean[i]) * inverse[i, j] * (x[j] - mean[j]);
            return -0.5 * (3 * Math.Log(2 * Math.PI) + Math.Log(det) + q);
        });

        Assert.Equal(expected, model.LogLikelihood(Statistics(block, 3)), 4);
        Assert.Equal(Math.Log(det), model.LogDeterminant, 9);
    }

    [Fact]
    public void Bic_distance_is_small_within_one_distribution_and_large_between_two()
    {
        var floor = new double[] { 1e-3, 1e-3, 1e-3, 1e-3 };
        var distance = new BicDistance(floor);
        var a1 = Statistics(Frames(300, [0, 0, 0, 0], [1, 1, 1, 1], seed: 3), 4);
        var a2 = Statistics(Frames(300, [0, 0, 0, 0], [1, 1, 1, 1], seed: 4), 4);
        var b = Statistics(Frames(300, [1.5, -1, 0, 0.5], [1, 1.5, 1, 1], seed: 5), 4);
        Assert.True(distance.Between(a1, a2) < 1, $"same distribution: {distance.Between(a1, a2):0.00}");
        Assert.True(distance.Between(a1, b) > 3, $"different distributions: {distance.Between(a1, b):0.00}");
    }
}
