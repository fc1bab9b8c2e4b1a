namespace DubAgent.Engines.Diarization;

/// <summary>
/// Centroid linkage on length-normalised embeddings (as pyannote clusters WeSpeaker embeddings): the distance of two
/// clusters is the Euclidean distance between the means of their members' unit vectors.
/// </summary>
public sealed class CentroidLinkage : IClusterLinkage
{
    private readonly double[][] _sum;
    private readonly int[] _size;

    public CentroidLinkage(IReadOnlyList<float[]> embeddings)
    {
        _sum = embeddings.Select(e => VectorMath.Unit(e).Select(x => (double)x).ToArray()).ToArray();
        _size = Enumerable.Repeat(1, embeddings.Count).ToArray();
    }

    public int Count => _size.Length;

    public double Distance(int a, int b)
    {
        var squares = 0.0;
        for (var d = 0; d < _sum[a].Length; d++)
        {
            var difference = _sum[a][d] / _size[a] - _sum[b][d] / _size[b];
            squares += difference * difference;
        }
        return Math.Sqrt(squares);
    }

    public void Merge(int into, int from)
    {
        for (var d = 0; d < _sum[into].Length; d++) _sum[into][d] += _sum[from][d];
        _size[into] += _size[from];
    }
}
