using MathNet.Numerics.IntegralTransforms;

namespace DubAgent.Engines.Diarization;

/// <summary>
/// Kaldi's log mel filterbank (compute-fbank, torchaudio.compliance.kaldi.fbank) with the settings speaker-embedding
/// models such as WeSpeaker's are trained on: 16 kHz samples scaled to 16-bit range, 25 ms frames every 10 ms
/// (snip-edges), DC offset removed, pre-emphasis 0.97, Hamming window, 512-point power spectrum, 80 triangular filters
/// equally spaced on Kaldi's mel scale 1127·ln(1 + f/700) from 20 Hz to Nyquist, natural log floored at float epsilon.
/// No dither, so the same audio always gives the same features.
/// </summary>
public sealed class KaldiFbank
{
    public const int SampleRate = 16_000;
    public const int FrameLength = 400;
    public const int FrameShift = 160;
    public const int FftSize = 512;
    private const double Preemphasis = 0.97;
    private const double LowHz = 20;

    /// <summary>C's FLT_EPSILON, the floor Kaldi puts under every filter energy before the log.</summary>
    private const double FloatEpsilon = 1.1920928955078125e-07;

    private readonly float[][] _weights;
    private readonly int[] _firstBin;
    private readonly double[] _window = new double[FrameLength];
    private readonly double[] _frame = new double[FrameLength];
    private readonly double[] _fft = new double[FftSize + 2];

    public KaldiFbank(int bins = 80)
    {
        Bins = bins;
        for (var i = 0; i < FrameLength; i++) _window[i] = 0.54 - 0.46 * Math.Cos(2 * Math.PI * i / (FrameLength - 1));
        (_firstBin, _weights) = MelWeights(bins);
    }

    public int Bins { get; }

    /// <summary>Frames Kaldi makes from <paramref name="samples"/> samples with snip-edges: whole frames only.</summary>
    public static int FrameCount(int samples) => samples < FrameLength ? 0 : 1 + (samples - FrameLength) / FrameShift;

    public static double MelScale(double hz) => 1127 * Math.Log(1 + hz / 700);

    /// <param name="samples">16 kHz mono samples in [-1, 1].</param>
    /// <returns>Frames x bins, row-major.</returns>
    public float[] Compute(ReadOnlySpan<float> samples)
    {
        var frames = FrameCount(samples.Length);
        var output = new float[frames * Bins];
        for (var f = 0; f < frames; f++)
        {
            var start = f * FrameShift;
            var mean = 0.0;
            for (var i = 0; i < FrameLength; i++)
            {
                _frame[i] = samples[start + i] * 32768.0;
                mean += _frame[i];
            }
            mean /= FrameLength;
            for (var i = 0; i < FrameLength; i++) _frame[i] -= mean;
            for (var i = FrameLength - 1; i > 0; i--) _frame[i] -= Preemphasis * _frame[i - 1];
            _frame[0] -= Preemphasis * _frame[0];

            Array.Clear(_fft);
            for (var i = 0; i < FrameLength; i++) _fft[i] = _frame[i] * _window[i];
            Fourier.ForwardReal(_fft, FftSize, FourierOptions.NoScaling);
            for (var m = 0; m < Bins; m++)
            {
                var energy = 0.0;
                var weights = _weights[m];
                for (var j = 0; j < weights.Length; j++)
                {
                    var k = _firstBin[m] + j;
                    energy += weights[j] * (_fft[2 * k] * _fft[2 * k] + _fft[2 * k + 1] * _fft[2 * k + 1]);
                }
                output[f * Bins + m] = (float)Math.Log(Math.Max(energy, FloatEpsilon));
            }
        }
        return output;
    }

    /// <summary>Subtracts each bin's mean over the frames (cepstral mean normalisation, no variance normalisation), as the models expect.</summary>
    public static void SubtractMean(float[] features, int bins)
    {
        var frames = features.Length / bins;
        if (frames == 0) return;
        for (var m = 0; m < bins; m++)
        {
            var sum = 0.0;
            for (var f = 0; f < frames; f++) sum += features[f * bins + m];
            var mean = (float)(sum / frames);
            for (var f = 0; f < frames; f++) features[f * bins + m] -= mean;
        }
    }

    /// <summary>Kaldi's MelBanks: FFT bins 0..N/2-1 (Nyquist left out), weights by mel distance to each triangle's edges.</summary>
    private static (int[] First, float[][] Weights) MelWeights(int bins)
    {
        var fftBins = FftSize / 2;
        var binWidth = (double)SampleRate / FftSize;
        var low = MelScale(LowHz);
        var high = MelScale(SampleRate / 2.0);
        var delta = (high - low) / (bins + 1);
        var first = new int[bins];
        var weights = new float[bins][];
        for (var m = 0; m < bins; m++)
        {
            double left = low + m * delta, centre = left + delta, right = centre + delta;
            var row = new List<float>();
            first[m] = -1;
            for (var k = 0; k < fftBins; k++)
            {
                var mel = MelScale(binWidth * k);
                if (mel <= left || mel >= right) continue;
                if (first[m] < 0) first[m] = k;
                row.Add((float)(mel <= centre ? (mel - left) / (centre - left) : (right - mel) / (right - centre)));
            }
            if (first[m] < 0) first[m] = 0;
            weights[m] = row.ToArray();
        }
        return (first, weights);
    }
}
