using MathNet.Numerics.IntegralTransforms;

namespace DubAgent.Engines.Diarization;

/// <summary>
/// Per 25 ms frame (10 ms hop) of 16 kHz mono audio: MFCCs (Hamming window, pre-emphasis, 26 mel filters, DCT-II).
/// </summary>
public sealed class MfccFrameAnalyzer
{
    public const int SampleRate = 16_000;
    public const int FrameLength = 400;
    public const int Hop = 160;
    private const int FftSize = 512;

    private readonly MelFilterBank _mel = new(26, FftSize, SampleRate, 64, 7600);
    private readonly float[] _window = new float[FrameLength];
    private readonly float[] _fft = new float[FftSize + 2];
    private readonly float[] _power = new float[FftSize / 2 + 1];
    private readonly float[] _logMel;
    private readonly float[,] _dct;

    public MfccFrameAnalyzer(int coefficients = 20)
    {
        Coefficients = coefficients;
        for (var i = 0; i < FrameLength; i++) _window[i] = (float)(0.54 - 0.46 * Math.Cos(2 * Math.PI * i / (FrameLength - 1)));
        _logMel = new float[_mel.Count];
        _dct = new float[coefficients, _mel.Count];
        for (var c = 0; c < coefficients; c++)
            for (var m = 0; m < _mel.Count; m++)
                _dct[c, m] = (float)Math.Cos(Math.PI * c * (m + 0.5) / _mel.Count);
    }

    /// <summary>MFCCs per frame, c0 (log energy) first.</summary>
    public int Coefficients { get; }

    /// <summary>Analyses <c>frame</c> (FrameLength samples) into <paramref name="mfcc"/>.</summary>
    public void Analyze(ReadOnlySpan<float> frame, Span<float> mfcc)
    {
        Array.Clear(_fft);
        var previous = 0f;
        for (var i = 0; i < FrameLength; i++)
        {
            var x = frame[i];
            _fft[i] = (x - 0.97f * previous) * _window[i];
            previous = x;
        }
        Fourier.ForwardReal(_fft, FftSize, FourierOptions.NoScaling);
        for (var k = 0; k < _power.Length; k++)
            _power[k] = _fft[2 * k] * _fft[2 * k] + _fft[2 * k + 1] * _fft[2 * k + 1];

        _mel.LogEnergies(_power, _logMel);
        for (var c = 0; c < Coefficients; c++)
        {
            float sum = 0;
            for (var m = 0; m < _logMel.Length; m++) sum += _dct[c, m] * _logMel[m];
            mfcc[c] = sum;
        }
    }
}
