using DubAgent.Core.Dsp;
using MathNet.Numerics.IntegralTransforms;

namespace DubAgent.Engines.Separation.Mdx;

/// <summary>
/// The STFT and inverse STFT of one network window exactly as UVR computes them with torch (center=True, reflection
/// padding, periodic Hann window, inverse normalized by the overlap-added squared window), laid out as the model's
/// [1, 4, bins, frames] tensor. The hop does not divide the frame size (7680 / 1024), so the inverse divides by the
/// window envelope sample by sample rather than by a constant. The FFTs run in double precision: these sizes are not
/// powers of two, and MathNet's single-precision Bluestein transform loses about 50 dB. Buffers are allocated once.
/// </summary>
public sealed class MdxSpectrogram
{
    private readonly MdxLayout _layout;
    private readonly double[] _window;
    private readonly float[] _inverseEnvelope;
    private readonly double[] _frames;
    private readonly int _rowLength;

    public MdxSpectrogram(MdxLayout layout)
    {
        if (layout.FftSize % 2 != 0 || 2 * layout.EdgeSamples >= layout.WindowSamples)
            throw new ArgumentException($"An MDX layout needs an even FFT size well under the window ({layout}).", nameof(layout));
        _layout = layout;
        _window = WindowFunctions.Hann(layout.FftSize).Select(w => (double)w).ToArray();
        _rowLength = layout.FftSize + 2;
        _frames = new double[MdxLayout.Channels * layout.Frames * _rowLength];

        // Overlap-added squared window over the padded signal; the output keeps [N/2, N/2 + window).
        var n = layout.FftSize;
        var envelope = new double[layout.WindowSamples + n];
        for (var t = 0; t < layout.Frames; t++)
        for (var i = 0; i < n; i++)
            envelope[t * layout.Hop + i] += _window[i] * _window[i];
        _inverseEnvelope = new float[layout.WindowSamples];
        for (var m = 0; m < layout.WindowSamples; m++) _inverseEnvelope[m] = (float)(1 / envelope[m + n / 2]);
    }

    /// <summary>The tensor of a stereo window (each channel <see cref="MdxLayout.WindowSamples"/> long), lowest bins silenced.</summary>
    public void Analyze(float[][] stereo, float[] tensor)
    {
        var (bins, frames, n, hop, w) = (_layout.Bins, _layout.Frames, _layout.FftSize, _layout.Hop, _layout.WindowSamples);
        Parallel.For(0, MdxLayout.Channels * frames, Parallelism, () => new double[_rowLength], (job, _, row) =>
        {
            var channel = job / frames;
            var t = job % frames;
            var signal = stereo[channel];
            var origin = t * hop - n / 2;
            for (var i = 0; i < n; i++) row[i] = signal[Reflect(origin + i, w)] * _window[i];
            row[n] = row[n + 1] = 0;
            Fourier.ForwardReal(row, n, FourierOptions.NoScaling);
            var re = 2 * channel * bins * frames + t;
            var im = re + bins * frames;
            for (var k = 0; k < bins; k++)
            {
                var silenced = k < MdxLayout.SilencedLowBins;
                tensor[re + k * frames] = silenced ? 0 : (float)row[2 * k];
                tensor[im + k * frames] = silenced ? 0 : (float)row[2 * k + 1];
            }
            return row;
        }, _ => { });
    }

    /// <summary>The stereo window of a tensor (bins above the model's are zero), overwriting <paramref name="stereo"/>.</summary>
    public void Synthesize(float[] tensor, float[][] stereo)
    {
        var (bins, frames, n, hop, w) = (_layout.Bins, _layout.Frames, _layout.FftSize, _layout.Hop, _layout.WindowSamples);
        Parallel.For(0, MdxLayout.Channels * frames, Parallelism, job =>
        {
            var channel = job / frames;
            var t = job % frames;
            var row = _frames.AsSpan(job * _rowLength, _rowLength);
            row.Clear();
            var re = 2 * channel * bins * frames + t;
            var im = re + bins * frames;
            for (var k = 0; k < bins; k++)
            {
                row[2 * k] = tensor[re + k * frames];
                row[2 * k + 1] = tensor[im + k * frames];
            }
            InverseInPlace(job * _rowLength, n);
        });
        Parallel.For(0, MdxLayout.Channels, channel =>
        {
            var output = stereo[channel];
            Array.Clear(output, 0, w);
            for (var t = 0; t < frames; t++)
            {
                var row = _frames.AsSpan((channel * frames + t) * _rowLength, n);
                // Frame t starts N/2 before its centre t*hop; only samples inside the window are kept.
                var origin = t * hop - n / 2;
                var from = Math.Max(0, -origin);
                var to = Math.Min(n, w - origin);
                for (var i = from; i < to; i++) output[origin + i] += (float)(row[i] * _window[i]);
            }
            for (var m = 0; m < w; m++) output[m] *= _inverseEnvelope[m];
        });
    }

    private static readonly ParallelOptions Parallelism = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    [ThreadStatic] private static double[]? _row;

    private void InverseInPlace(int offset, int n)
    {
        // MathNet transforms whole arrays; work on a per-thread copy of the row.
        var row = _row is { } r && r.Length == n + 2 ? r : _row = new double[n + 2];
        Array.Copy(_frames, offset, row, 0, n + 2);
        Fourier.InverseReal(row, n, FourierOptions.AsymmetricScaling);
        Array.Copy(row, 0, _frames, offset, n);
    }

    /// <summary>torch's reflect padding: index -i reads i, index (w-1)+i reads (w-1)-i.</summary>
    private static int Reflect(int index, int length) =>
        index < 0 ? -index : index >= length ? 2 * (length - 1) - index : index;
}
