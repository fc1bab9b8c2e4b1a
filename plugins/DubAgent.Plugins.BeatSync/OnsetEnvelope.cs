using System.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace DubAgent.Plugins.BeatSync;

/// <summary>
/// Onset strength by spectral flux: the frame-to-frame rise of log band magnitude over 40 mel-spaced bands, averaged.
/// Mel bands weigh a kick's few low bins like a hi-hat's many high ones, as the ear does.
/// Computed block by block, so a long song never sits in memory as samples. Also keeps a low-band flux
/// (below ~200 Hz), where kick drums mark the downbeats.
/// </summary>
public sealed class OnsetEnvelope
{
    public const int FrameSize = 2048;
    public const int Hop = 512;
    private const double LowBandHz = 200;

    private readonly float[] _window = new float[FrameSize];
    private readonly float[] _ring = new float[FrameSize];
    private readonly Complex[] _spectrum = new Complex[FrameSize];
    private const int Bands = 40;
    private readonly int[] _bandEdges;
    private double[] _previous = new double[Bands];
    private double[] _current = new double[Bands];
    private readonly int _lowBins;
    private readonly int _lowBands;
    private int _filled;
    private int _sinceHop;
    private bool _first = true;

    public OnsetEnvelope(int sampleRate)
    {
        SampleRate = sampleRate;
        for (var i = 0; i < FrameSize; i++) _window[i] = (float)(0.5 - 0.5 * Math.Cos(2 * Math.PI * i / FrameSize));
        _lowBins = Math.Max(2, (int)(LowBandHz * FrameSize / sampleRate));
        _bandEdges = MelEdges(sampleRate);
        _lowBands = Math.Max(1, Enumerable.Range(0, Bands).Count(b => _bandEdges[b + 1] <= _lowBins + 1));
    }

    /// <summary>FFT bin edges of <see cref="Bands"/> bands evenly spaced on the mel scale from 30 Hz to 11 kHz.</summary>
    private static int[] MelEdges(int sampleRate)
    {
        static double Mel(double hz) => 2595 * Math.Log10(1 + hz / 700);
        static double Hz(double mel) => 700 * (Math.Pow(10, mel / 2595) - 1);
        var top = Math.Min(11000, sampleRate / 2.0);
        var edges = new int[Bands + 1];
        for (var b = 0; b <= Bands; b++)
        {
            var hz = Hz(Mel(30) + (Mel(top) - Mel(30)) * b / Bands);
            edges[b] = Math.Clamp((int)Math.Round(hz * FrameSize / sampleRate), 1, FrameSize / 2);
            if (b > 0 && edges[b] <= edges[b - 1]) edges[b] = Math.Min(FrameSize / 2, edges[b - 1] + 1);
        }
        return edges;
    }

    public int SampleRate { get; }

    /// <summary>Frames per second of the envelope.</summary>
    public double FrameRate => (double)SampleRate / Hop;

    public List<double> Strength { get; } = [];

    public List<double> LowStrength { get; } = [];

    /// <summary>Power of each frame (linear), for how loud a beat is.</summary>
    public List<double> Energy { get; } = [];

    /// <summary>Power below ~200 Hz of each frame, where kick drums sit.</summary>
    public List<double> LowEnergy { get; } = [];

    /// <summary>
    /// The time of a frame's onset, in seconds. The flux of a new sound peaks in the first frames it enters, near the
    /// window's far end, so the onset sits about one and a half hops before the window's end, not at its centre
    /// (measured on click tracks: within 2 ms).
    /// </summary>
    public double TimeOf(int frame) => (frame * (double)Hop + FrameSize - 1.5 * Hop) / SampleRate;

    /// <summary>Feeds mono samples.</summary>
    public void Add(ReadOnlySpan<float> mono)
    {
        foreach (var sample in mono)
        {
            // Shift-free ring: keep the newest FrameSize samples; analyse every Hop samples.
            _ring[_filled % FrameSize] = sample;
            _filled++;
            _sinceHop++;
            if (_filled >= FrameSize && _sinceHop >= Hop)
            {
                _sinceHop = 0;
                AnalyseFrame();
            }
        }
    }

    private void AnalyseFrame()
    {
        var start = _filled % FrameSize;
        for (var i = 0; i < FrameSize; i++) _spectrum[i] = new Complex(_ring[(start + i) % FrameSize] * _window[i], 0);
        Fourier.Forward(_spectrum, FourierOptions.Matlab);
        double energy = 0, lowEnergy = 0;
        for (var k = 0; k <= FrameSize / 2; k++)
        {
            var power = _spectrum[k].Real * _spectrum[k].Real + _spectrum[k].Imaginary * _spectrum[k].Imaginary;
            energy += power;
            if (k <= _lowBins) lowEnergy += power;
        }
        Energy.Add(energy);
        LowEnergy.Add(lowEnergy);
        for (var b = 0; b < Bands; b++)
        {
            double power = 0;
            for (var k = _bandEdges[b]; k < _bandEdges[b + 1]; k++)
                power += _spectrum[k].Real * _spectrum[k].Real + _spectrum[k].Imaginary * _spectrum[k].Imaginary;
            // Log-compressed band magnitude, log(1 + |X|) on the FFT's own scale (a full-scale sine peaks near FrameSize/4):
            // loudness-like for real sounds, while a faint click over digital silence stays near zero (a dB scale would
            // call it a 40 dB rise).
            _current[b] = Math.Log(1 + Math.Sqrt(power / (_bandEdges[b + 1] - _bandEdges[b])));
        }
        double flux = 0, low = 0;
        if (!_first)
        {
            for (var b = 0; b < Bands; b++)
            {
                var rise = _current[b] - _previous[b];
                if (rise <= 0) continue;
                flux += rise / Bands;
                if (b < _lowBands) low += rise / _lowBands;
            }
        }
        _first = false;
        Strength.Add(flux);
        LowStrength.Add(low);
        (_previous, _current) = (_current, _previous);
    }

    /// <summary>
    /// Scales the envelope to unit deviation after removing a slow baseline (the lowest value within about a second),
    /// so sustained noise does not count as onsets while a soft hi-hat after a loud snare still does.
    /// </summary>
    public static double[] Normalize(IReadOnlyList<double> envelope, double frameRate)
    {
        var n = envelope.Count;
        var result = new double[n];
        if (n == 0) return result;
        var half = Math.Max(1, (int)(frameRate * 0.5));
        for (var i = 0; i < n; i++)
        {
            var floor = double.MaxValue;
            for (var j = Math.Max(0, i - half); j <= Math.Min(n - 1, i + half); j++) floor = Math.Min(floor, envelope[j]);
            result[i] = envelope[i] - floor;
        }
        var variance = result.Select(v => v * v).Average();
        var std = Math.Sqrt(variance);
        if (std > 1e-12) for (var i = 0; i < n; i++) result[i] /= std;
        return result;
    }
}
