namespace DubAgent.Engines.Diarization;

/// <summary>Triangular filters evenly spaced on the mel scale, applied to a power spectrum.</summary>
public sealed class MelFilterBank
{
    private readonly (int From, float[] Weights)[] _filters;

    public MelFilterBank(int filters, int fftSize, int sampleRate, double lowHz, double highHz)
    {
        var bins = fftSize / 2 + 1;
        var lowMel = ToMel(lowHz);
        var highMel = ToMel(Math.Min(highHz, sampleRate / 2.0));
        var edges = Enumerable.Range(0, filters + 2)
            .Select(i => FromMel(lowMel + (highMel - lowMel) * i / (filters + 1)) * fftSize / sampleRate)
            .ToArray();
        _filters = new (int, float[])[filters];
        for (var m = 0; m < filters; m++)
        {
            double left = edges[m], centre = edges[m + 1], right = edges[m + 2];
            var from = Math.Max(0, (int)Math.Ceiling(left));
            var to = Math.Min(bins - 1, (int)Math.Floor(right));
            var weights = new float[Math.Max(0, to - from + 1)];
            for (var k = from; k <= to; k++)
                weights[k - from] = (float)(k <= centre ? (k - left) / Math.Max(1e-9, centre - left) : (right - k) / Math.Max(1e-9, right - centre));
            _filters[m] = (from, weights);
        }
    }

    public int Count => _filters.Length;

    /// <summary>Natural log of each filter's energy.</summary>
    public void LogEnergies(ReadOnlySpan<float> power, Span<float> output)
    {
        for (var m = 0; m < _filters.Length; m++)
        {
            var (from, weights) = _filters[m];
            double sum = 0;
            for (var i = 0; i < weights.Length; i++) sum += weights[i] * power[from + i];
            output[m] = (float)Math.Log(sum + 1e-10);
        }
    }

    public static double ToMel(double hz) => 2595 * Math.Log10(1 + hz / 700);

    public static double FromMel(double mel) => 700 * (Math.Pow(10, mel / 2595) - 1);
}
