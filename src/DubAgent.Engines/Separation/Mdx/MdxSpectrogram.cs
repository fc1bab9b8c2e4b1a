using System.Numerics;
using DubAgent.Core.Dsp;

namespace DubAgent.Engines.Separation.Mdx;

/// <summary>
/// The STFT and inverse STFT of one network window exactly as UVR computes them with torch (center=True, reflection
/// padding, periodic Hann window, inverse normalized by the overlap-added squared window), laid out as the model's
/// [1, 4, bins, frames] tensor. The hop does not divide the frame size (7680 / 1024), so the inverse divides by the
/// window envelope sample by sample rather than by a constant. Both channels go through one complex FFT per frame
/// (left as the real part, right as the imaginary part), in double precision (<see cref="MixedRadixFft"/>).
/// </summary>
public sealed class MdxSpectrogram
{
    private readonly MdxLayout _layout;
    private readonly MixedRadixFft _fft;
    private readonly double[] _window;
    private readonly float[] _inverseEnvelope;
    private readonly Complex[] _frames;

    public MdxSpectrogram(MdxLayout layout)
    {
        if (layout.FftSize % 2 != 0 || 2 * layout.EdgeSamples >= layout.WindowSamples)
            throw new ArgumentException($"An MDX layout needs an even FFT size well under the window ({layout}).", nameof(layout));
        _layout = layout;
        _fft = new MixedRadixFft(layout.FftSize);
        _window = WindowFunctions.Hann(layout.FftSize).Select(w => (double)w).ToArray();
        _frames = new Complex[layout.Frames * layout.FftSize];

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
        var plane = bins * frames;
        Parallel.For(0, frames, Parallelism, t =>
        {
            var (packed, spectrum) = Buffers(n);
            var origin = t * hop - n / 2;
            for (var i = 0; i < n; i++)
            {
                var at = Reflect(origin + i, w);
                packed[i] = new Complex(stereo[0][at] * _window[i], stereo[1][at] * _window[i]);
            }
            _fft.Forward(packed, spectrum);
            for (var k = 0; k < bins; k++)
            {
                if (k < MdxLayout.SilencedLowBins)
                {
                    tensor[k * frames + t] = tensor[plane + k * frames + t] = tensor[2 * plane + k * frames + t] = tensor[3 * plane + k * frames + t] = 0;
                    continue;
                }
                // Unpack the two real channels: L = (Z[k] + conj Z[n-k]) / 2, R = (Z[k] - conj Z[n-k]) / 2i.
                var z = spectrum[k];
                var mirror = Complex.Conjugate(spectrum[(n - k) % n]);
                var left = (z + mirror) * 0.5;
                var right = (z - mirror) * new Complex(0, -0.5);
                var at = k * frames + t;
                tensor[at] = (float)left.Real;
                tensor[plane + at] = (float)left.Imaginary;
                tensor[2 * plane + at] = (float)right.Real;
                tensor[3 * plane + at] = (float)right.Imaginary;
            }
        });
    }

    /// <summary>The stereo window of a tensor (bins above the model's are zero), overwriting <paramref name="stereo"/>.</summary>
    public void Synthesize(float[] tensor, float[][] stereo)
    {
        var (bins, frames, n, hop, w) = (_layout.Bins, _layout.Frames, _layout.FftSize, _layout.Hop, _layout.WindowSamples);
        var plane = bins * frames;
        Parallel.For(0, frames, Parallelism, t =>
        {
            var (spectrum, scratch) = Buffers(n);
            Array.Clear(spectrum);
            for (var k = 0; k < Math.Min(bins, n / 2 + 1); k++)
            {
                var at = k * frames + t;
                var left = new Complex(tensor[at], tensor[plane + at]);
                var right = new Complex(tensor[2 * plane + at], tensor[3 * plane + at]);
                // As irfft does, the imaginary parts at 0 Hz and at Nyquist are ignored.
                if (k == 0 || k == n / 2)
                {
                    left = left.Real;
                    right = right.Real;
                }
                // Pack the two Hermitian spectra into one: Z[k] = L[k] + i R[k], Z[n-k] = conj L[k] + i conj R[k].
                spectrum[k] = left + Complex.ImaginaryOne * right;
                if (k > 0 && k < n - k) spectrum[n - k] = Complex.Conjugate(left) + Complex.ImaginaryOne * Complex.Conjugate(right);
            }
            _fft.Inverse(spectrum, _frames, t * n, scratch);
        });
        Parallel.For(0, MdxLayout.Channels, channel =>
        {
            var output = stereo[channel];
            Array.Clear(output, 0, w);
            for (var t = 0; t < frames; t++)
            {
                // Frame t starts N/2 before its centre t*hop; only samples inside the window are kept.
                var origin = t * hop - n / 2;
                var from = Math.Max(0, -origin);
                var to = Math.Min(n, w - origin);
                var row = t * n;
                for (var i = from; i < to; i++)
                {
                    var z = _frames[row + i];
                    output[origin + i] += (float)((channel == 0 ? z.Real : z.Imaginary) * _window[i]);
                }
            }
            for (var m = 0; m < w; m++) output[m] *= _inverseEnvelope[m];
        });
    }

    private static readonly ParallelOptions Parallelism = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    [ThreadStatic] private static (Complex[] A, Complex[] B)? _buffers;

    /// <summary>Two frame buffers per thread, kept: fresh ones every window were large-object garbage (memory grew over an hour).</summary>
    private static (Complex[] A, Complex[] B) Buffers(int n) =>
        _buffers is { } b && b.A.Length == n ? b : (_buffers = (new Complex[n], new Complex[n])).Value;

    /// <summary>torch's reflect padding: index -i reads i, index (w-1)+i reads (w-1)-i.</summary>
    private static int Reflect(int index, int length) =>
        index < 0 ? -index : index >= length ? 2 * (length - 1) - index : index;
}
