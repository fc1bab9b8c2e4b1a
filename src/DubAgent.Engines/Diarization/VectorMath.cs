namespace DubAgent.Engines.Diarization;

/// <summary>Dot products and unit vectors for embeddings.</summary>
public static class VectorMath
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float sum = 0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>The vector scaled to length 1 (a zero vector stays zero).</summary>
    public static float[] Unit(float[] v)
    {
        var norm = MathF.Sqrt(Dot(v, v));
        return norm > 0 ? v.Select(x => x / norm).ToArray() : v.ToArray();
    }
}
