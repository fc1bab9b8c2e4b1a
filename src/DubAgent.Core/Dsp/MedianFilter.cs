namespace DubAgent.Core.Dsp;

/// <summary>
/// Running medians (a sorted window updated one sample at a time, O(kernel) per step, see <see cref="RunningPercentile"/>). At the edges the window
/// shrinks to the samples that exist, so no padding value leaks in.
/// </summary>
public static class MedianFilter
{
    /// <summary>Median of each sample's neighbourhood of <paramref name="kernel"/> samples (odd).</summary>
    public static void Apply(ReadOnlySpan<float> input, Span<float> output, int kernel)
    {
        if (output.Length < input.Length) throw new ArgumentException("Output is shorter than input.", nameof(output));
        RunningPercentile.Apply(input, output, kernel, 0.5);
    }

    /// <summary>Median along time for every bin (kernel in frames): what persists is harmonic / stationary.</summary>
    public static Spectrogram AlongTime(Spectrogram input, int kernel)
    {
        var result = new Spectrogram(input.Frames, input.Bins);
        Parallel.For(0, input.Bins, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () =>
            (new float[input.Frames], new float[input.Frames]), (k, _, buffers) =>
        {
            var (column, filtered) = buffers;
            for (var t = 0; t < input.Frames; t++) column[t] = input.Data[t * input.Bins + k];
            Apply(column, filtered, kernel);
            for (var t = 0; t < input.Frames; t++) result.Data[t * input.Bins + k] = filtered[t];
            return buffers;
        }, _ => { });
        return result;
    }

    /// <summary>Median along frequency for every frame (kernel in bins): what is broadband is percussive.</summary>
    public static Spectrogram AlongFrequency(Spectrogram input, int kernel)
    {
        var result = new Spectrogram(input.Frames, input.Bins);
        Parallel.For(0, input.Frames, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            t => Apply(input.Frame(t), result.Frame(t), kernel));
        return result;
    }
}
