namespace DubAgent.Engines.Diarization;

/// <summary>Clusters as Gaussians of their frames; the distance of two is <see cref="BicDistance"/> of their merged statistics.</summary>
public sealed class BicLinkage : IClusterLinkage
{
    private readonly GaussianStatistics[] _statistics;
    private readonly double[] _logDeterminant;
    private readonly BicDistance _distance;

    public BicLinkage(IEnumerable<GaussianStatistics> items, BicDistance distance)
    {
        _distance = distance;
        _statistics = items.Select(s => GaussianStatistics.Merge(s, new GaussianStatistics(s.Dimensions))).ToArray();
        _logDeterminant = _statistics.Select(distance.LogDeterminant).ToArray();
    }

    public int Count => _statistics.Length;

    public double Distance(int a, int b) => _distance.Between(_statistics[a], _logDeterminant[a], _statistics[b], _logDeterminant[b]);

    public void Merge(int into, int from)
    {
        _statistics[into].Add(_statistics[from]);
        _logDeterminant[into] = _distance.LogDeterminant(_statistics[into]);
    }
}
