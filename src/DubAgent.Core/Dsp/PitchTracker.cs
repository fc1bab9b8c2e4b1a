namespace DubAgent.Core.Dsp;

/// <summary>
/// Fundamental frequency by subharmonic summation on a magnitude spectrum (Hermes, 1988): each candidate f0 on a
/// log grid scores the compressed magnitudes at its harmonics h·f0 with weights 0.84^(h-1), minus half the
/// magnitudes halfway between harmonics. The negative teeth stop the octave errors plain summation makes
/// (f0/2 sees its odd harmonics fall into gaps; 2·f0 sees real harmonics under its negative teeth).
/// Works on one frame's magnitudes, so the separator can run it on a residual spectrum with music removed.
/// </summary>
public sealed class PitchTracker
{
    private const double HarmonicDecay = 0.84;
    private readonly double[] _candidates;
    private readonly double _binHz;
    private readonly int _bandFrom;
    private readonly int _bandTo;

    public PitchTracker(StftLayout layout, PitchTrackerOptions? options = null)
    {
        Layout = layout;
        Options = options ?? PitchTrackerOptions.Default;
        _binHz = layout.BinHz;
        var maxHz = Math.Min(Options.MaxHz, layout.SampleRate / 4.0);
        var steps = Math.Max(1, (int)Math.Ceiling(Math.Log2(maxHz / Options.MinHz) * Options.StepsPerOctave));
        _candidates = new double[steps + 1];
        for (var i = 0; i <= steps; i++) _candidates[i] = Options.MinHz * Math.Pow(2, (double)i / Options.StepsPerOctave);
        _bandFrom = Math.Max(1, (int)(Options.MinHz / 2 / _binHz));
        _bandTo = Math.Min(layout.Bins - 1, (int)(Math.Min(Options.MaxHarmonicHz, layout.SampleRate / 2.0 - _binHz) / _binHz));
    }

    public StftLayout Layout { get; }

    public PitchTrackerOptions Options { get; }

    /// <summary>Estimates one frame from its magnitudes (length <see cref="StftLayout.Bins"/>).</summary>
    public PitchEstimate Estimate(ReadOnlySpan<float> magnitude) => Estimate(magnitude, magnitude);

    /// <summary>
    /// Estimates the pitch of <paramref name="magnitude"/> (e.g. a frame's residual after removing sustained music) with the
    /// salience measured against <paramref name="reference"/> (the whole frame): a faint residual is then not "clearly harmonic".
    /// </summary>
    public PitchEstimate Estimate(ReadOnlySpan<float> magnitude, ReadOnlySpan<float> reference)
    {
        if (_bandTo <= _bandFrom) return PitchEstimate.Unvoiced;
        var buffer = _compressed is { } b && b.Length >= magnitude.Length ? b : _compressed = new float[magnitude.Length];
        var mean = 0.0;
        for (var k = _bandFrom; k <= _bandTo; k++)
        {
            buffer[k] = MathF.Sqrt(Math.Max(0, magnitude[k]));
            mean += MathF.Sqrt(Math.Max(0, reference[k]));
        }
        mean /= _bandTo - _bandFrom + 1;
        if (mean <= 1e-9) return PitchEstimate.Unvoiced;

        var best = -1;
        var bestScore = double.NegativeInfinity;
        var scores = _scores is { } s && s.Length == _candidates.Length ? s : _scores = new double[_candidates.Length];
        for (var i = 0; i < _candidates.Length; i++)
        {
            scores[i] = Score(buffer, _candidates[i]);
            if (scores[i] > bestScore) { bestScore = scores[i]; best = i; }
        }
        var hz = _candidates[best];
        if (best > 0 && best < _candidates.Length - 1)
        {
            // Parabolic refinement on the log grid.
            var (a, b2, c2) = (scores[best - 1], scores[best], scores[best + 1]);
            var denominator = a - 2 * b2 + c2;
            if (denominator < 0)
            {
                var shift = Math.Clamp(0.5 * (a - c2) / denominator, -0.5, 0.5);
                hz = Options.MinHz * Math.Pow(2, (best + shift) / Options.StepsPerOctave);
            }
        }
        var salience = (float)(bestScore / WeightSum(_candidates[best]) / mean);
        return new PitchEstimate((float)hz, salience, salience >= Options.VoicedSalience);
    }

    /// <summary>Tracks a whole mono clip (loaded in memory: a clip, a segment or a test signal).</summary>
    public static PitchTrack Track(ReadOnlySpan<float> mono, int sampleRate, PitchTrackerOptions? options = null)
    {
        var layout = StftLayout.For(sampleRate);
        var tracker = new PitchTracker(layout, options);
        var magnitudes = new Stft(layout).Analyze(mono).Magnitudes();
        var frames = new PitchEstimate[magnitudes.Frames];
        for (var t = 0; t < frames.Length; t++) frames[t] = tracker.Estimate(magnitudes.Frame(t));
        return new PitchTrack(layout.HopSeconds, DropIsolatedVoicing(frames));
    }

    /// <summary>A voiced run of one or two frames is more likely a tonal click than a syllable.</summary>
    internal static PitchEstimate[] DropIsolatedVoicing(PitchEstimate[] frames)
    {
        var run = 0;
        for (var t = 0; t <= frames.Length; t++)
        {
            if (t < frames.Length && frames[t].Voiced) { run++; continue; }
            if (run is > 0 and < 3)
                for (var i = t - run; i < t; i++) frames[i] = frames[i] with { Voiced = false };
            run = 0;
        }
        return frames;
    }

    private double Score(float[] c, double f0)
    {
        var sum = 0.0;
        var norm = 0.0;
        var weight = 1.0;
        for (var h = 1; h <= Options.MaxHarmonics; h++)
        {
            var f = h * f0;
            if (f / _binHz >= _bandTo) break;
            sum += weight * (Peak(c, f) - 0.5 * Peak(c, f - 0.5 * f0));
            norm += weight;
            weight *= HarmonicDecay;
        }
        // A sum, not an average: the true f0 collects every harmonic, a multiple of it only some (3·f0 would
        // otherwise win whenever the third harmonic sits in a formant).
        return norm > 0 ? sum : 0;
    }

    private double WeightSum(double f0)
    {
        var norm = 0.0;
        var weight = 1.0;
        for (var h = 1; h <= Options.MaxHarmonics && h * f0 / _binHz < _bandTo; h++)
        {
            norm += weight;
            weight *= HarmonicDecay;
        }
        return Math.Max(norm, 1e-9);
    }

    /// <summary>The larger of the two bins around a frequency (a Hann main lobe spans both).</summary>
    private float Peak(float[] c, double hz)
    {
        var x = hz / _binHz;
        var k = (int)x;
        if (k < _bandFrom || k + 1 > _bandTo) return 0;
        return Math.Max(c[k], c[k + 1]);
    }

    [ThreadStatic] private static float[]? _compressed;
    [ThreadStatic] private static double[]? _scores;
}
