using MathNet.Numerics.IntegralTransforms;

namespace DubAgent.Core.Dsp;

/// <summary>
/// Short-time Fourier transform with a Hann window (MathNet.Numerics real FFT) and its inverse by weighted
/// overlap-add. Frame t covers samples [t*hop, t*hop + N). Analysis followed by synthesis gives the signal back
/// wherever a sample is covered by a full set of overlapping frames (everywhere except the first and last N - hop
/// samples, which block processing keeps in its margins).
/// </summary>
public sealed class Stft
{
    private readonly float[] _window;

    public Stft(StftLayout layout)
    {
        if (layout.FftSize % layout.Hop != 0) throw new ArgumentException("The hop must divide the frame size.", nameof(layout));
        Layout = layout;
        _window = WindowFunctions.Hann(layout.FftSize);
        // Overlap-added squared window (analysis times synthesis) is constant in the interior for hop = N/k.
        var total = 0.0;
        for (var i = 0; i < layout.FftSize; i++) total += _window[i] * _window[i];
        WindowPower = (float)(total / layout.Hop);
    }

    public StftLayout Layout { get; }

    /// <summary>The constant the overlap-added squared window sums to in the interior.</summary>
    public float WindowPower { get; }

    /// <summary>Transforms <paramref name="signal"/> (zero-padded at the end to whole frames).</summary>
    public StftFrames Analyze(ReadOnlySpan<float> signal, int? frames = null)
    {
        var n = Layout.FftSize;
        var count = frames ?? Layout.FrameCount(signal.Length);
        var result = new StftFrames(Layout, count);
        var source = signal.ToArray();
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, t =>
        {
            var row = result.Data.AsSpan(t * result.RowLength, result.RowLength);
            var start = t * Layout.Hop;
            var available = Math.Clamp(source.Length - start, 0, n);
            for (var i = 0; i < available; i++) row[i] = source[start + i] * _window[i];
            row[available..].Clear();
            Transform(result.Data, t * result.RowLength, n, forward: true);
        });
        return result;
    }

    /// <summary>
    /// Inverse transform by weighted overlap-add into <paramref name="output"/> (which is overwritten).
    /// With <paramref name="consume"/> the frames are transformed in place (no copy; they are garbage afterwards).
    /// </summary>
    public void Synthesize(StftFrames frames, Span<float> output, bool consume = false)
    {
        var n = Layout.FftSize;
        var hop = Layout.Hop;
        var buffers = consume ? frames.Data : (float[])frames.Data.Clone();
        Parallel.For(0, frames.Frames, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, t =>
            Transform(buffers, t * frames.RowLength, n, forward: false));
        output.Clear();
        var scale = 1f / WindowPower;
        for (var t = 0; t < frames.Frames; t++)
        {
            var start = t * hop;
            var row = buffers.AsSpan(t * frames.RowLength, n);
            var count = Math.Min(n, output.Length - start);
            for (var i = 0; i < count; i++) output[start + i] += row[i] * _window[i] * scale;
        }
    }

    [ThreadStatic] private static float[]? _row;

    private static void Transform(float[] data, int offset, int n, bool forward)
    {
        // MathNet transforms whole arrays; work on a per-thread copy of the row.
        var row = _row is { } r && r.Length == n + 2 ? r : _row = new float[n + 2];
        Array.Copy(data, offset, row, 0, n + 2);
        if (forward) Fourier.ForwardReal(row, n, FourierOptions.NoScaling);
        else Fourier.InverseReal(row, n, FourierOptions.AsymmetricScaling);
        Array.Copy(row, 0, data, offset, n + 2);
    }
}
