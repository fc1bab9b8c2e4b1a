namespace DubAgent.Engines.Diarization;

/// <summary>Average linkage on cosine distance between vectors, updated by Lance-Williams (no recomputation on merge).</summary>
public sealed class CosineAverageLinkage : IClusterLinkage
{
    private readonly double[][] _distance;
    private readonly int[] _size;

    public CosineAverageLinkage(IReadOnlyList<float[]> vectors)
    {
        var n = vectors.Count;
        var unit = vectors.Select(VectorMath.Unit).ToArray();
        _distance = new double[n][];
        for (var i = 0; i < n; i++)
        {
            _distance[i] = new double[n];
            for (var j = 0; j < i; j++)
            {
                var d = 1 - VectorMath.Dot(unit[i], unit[j]);
                _distance[i][j] = d;
                _distance[j][i] = d;
            }
        }
        _size = Enumerable.Repeat(1, n).ToArray();
    }

    public int Count => _size.Length;

    public double Distance(int a, int b) => _distance[a][b];

    public void Merge(int into, int from)
    {
        for (var i = 0; i < _size.Length; i++)
        {
            if (i == into || i == from) continue;
            var d = (_size[into] * _distance[into][i] + _size[from] * _distance[from][i]) / (_size[into] + _size[from]);
            _distance[into][i] = d;
            _distance[i][into] = d;
        }
        _size[into] += _size[from];
    }
}
