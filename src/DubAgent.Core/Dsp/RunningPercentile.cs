namespace DubAgent.Core.Dsp;

/// <summary>Running percentile over a centred window (a noise floor is a low percentile of recent energy).</summary>
public static class RunningPercentile
{
    /// <param name="percentile">0..1 (0.5 is the median).</param>
    public static void Apply(ReadOnlySpan<float> input, Span<float> output, int window, double percentile)
    {
        var n = input.Length;
        if (n == 0) return;
        var half = Math.Max(0, window / 2);
        var sorted = new float[2 * half + 1];
        var count = 0;
        for (var j = 0; j <= Math.Min(half, n - 1); j++) Insert(sorted, ref count, input[j]);
        for (var i = 0; i < n; i++)
        {
            output[i] = sorted[Math.Clamp((int)Math.Floor(percentile * (count - 1) + 1e-9), 0, count - 1)];
            var leave = i - half;
            var enter = i + 1 + half;
            if (leave >= 0) Remove(sorted, ref count, input[leave]);
            if (enter < n) Insert(sorted, ref count, input[enter]);
        }
    }

    private static void Insert(float[] sorted, ref int count, float value)
    {
        var at = Array.BinarySearch(sorted, 0, count, value);
        if (at < 0) at = ~at;
        Array.Copy(sorted, at, sorted, at + 1, count - at);
        sorted[at] = value;
        count++;
    }

    private static void Remove(float[] sorted, ref int count, float value)
    {
        var at = Array.BinarySearch(sorted, 0, count, value);
        if (at < 0) return;
        Array.Copy(sorted, at + 1, sorted, at, count - at - 1);
        count--;
    }
}
