using DubAgent.Core.Dsp;
using DubAgent.Engines.Diarization;

namespace DubAgent.Engines.Voices;

/// <summary>
/// A model-free voiceprint of 16 kHz mono speech: the mean and standard deviation of cepstra c1..c19 over the frames
/// within 30 dB of the loudest tenth, then the median f0 in Hz (0 when too little is voiced): 39 numbers. Two prints
/// score 1 / (1 + D) times a pitch factor, D the symmetric Kullback-Leibler divergence of the two diagonal Gaussians
/// averaged over the dimensions, the factor exp(-½ (Δf0 / 4 semitones)²): cepstra alone hardly part two voices of one
/// recording (one channel), while their pitch does.
/// </summary>
public static class MfccVoiceprint
{
    public const string Kind = "mfcc-stats";
    private const int Coefficients = 20;
    private const int MinFrames = 100; // one second of speech
    private const int Dimensions = Coefficients - 1;
    private const double PitchSpreadSemitones = 4;

    /// <summary>Less than this many frames of speech gives no voiceprint (null).</summary>
    public static float[]? Compute(IEnumerable<float[]> stretches)
    {
        var analyzer = new MfccFrameAnalyzer(Coefficients);
        var frames = new List<float[]>();
        foreach (var samples in stretches)
            for (var start = 0; start + MfccFrameAnalyzer.FrameLength <= samples.Length; start += MfccFrameAnalyzer.Hop)
            {
                var mfcc = new float[Coefficients];
                analyzer.Analyze(samples.AsSpan(start, MfccFrameAnalyzer.FrameLength), mfcc);
                frames.Add(mfcc);
            }
        if (frames.Count < MinFrames) return null;
        var energies = frames.Select(f => f[0]).Order().ToList();
        var loud = energies[(int)(energies.Count * 0.9)];
        // c0 sums the natural-log energies of the 26 mel bands: 30 dB down is ln(1000) less in each.
        var floor = loud - 26 * (float)Math.Log(1000);
        var speech = frames.Where(f => f[0] >= floor).ToList();
        if (speech.Count < MinFrames) return null;
        var vector = new float[2 * Dimensions + 1];
        for (var c = 1; c < Coefficients; c++)
        {
            double sum = 0, squares = 0;
            foreach (var f in speech)
            {
                sum += f[c];
                squares += f[c] * f[c];
            }
            var mean = sum / speech.Count;
            vector[c - 1] = (float)mean;
            vector[Dimensions + c - 1] = (float)Math.Sqrt(Math.Max(1e-6, squares / speech.Count - mean * mean));
        }
        vector[2 * Dimensions] = (float)MedianPitch(stretches);
        return vector;
    }

    /// <summary>1 / (1 + divergence), times the pitch factor when both prints have a pitch.</summary>
    public static double Score(IReadOnlyList<float> a, IReadOnlyList<float> b)
    {
        var score = 1 / (1 + Divergence(a, b));
        if (a.Count > 2 * Dimensions && b.Count > 2 * Dimensions && a[2 * Dimensions] > 0 && b[2 * Dimensions] > 0)
        {
            var semitones = 12 * Math.Log2(a[2 * Dimensions] / b[2 * Dimensions]);
            score *= Math.Exp(-0.5 * Math.Pow(semitones / PitchSpreadSemitones, 2));
        }
        return score;
    }

    private static double MedianPitch(IEnumerable<float[]> stretches)
    {
        var voiced = stretches.SelectMany(s => PitchTracker.Track(s, MfccFrameAnalyzer.SampleRate).Frames).Where(f => f.Voiced).Select(f => f.Hz).Order().ToList();
        return voiced.Count < 20 ? 0 : voiced[voiced.Count / 2];
    }

    /// <summary>Symmetric KL divergence between two voiceprints' diagonal Gaussians, per dimension (0 = the same voice statistics).</summary>
    public static double Divergence(IReadOnlyList<float> a, IReadOnlyList<float> b)
    {
        const int dims = Dimensions;
        if (b.Count != a.Count || a.Count < 2 * dims) return double.PositiveInfinity;
        double total = 0;
        for (var i = 0; i < dims; i++)
        {
            double va = Math.Pow(a[dims + i], 2), vb = Math.Pow(b[dims + i], 2), d = a[i] - b[i];
            total += 0.5 * (va / vb + vb / va - 2) + 0.5 * d * d * (1 / va + 1 / vb);
        }
        return total / dims;
    }
}
