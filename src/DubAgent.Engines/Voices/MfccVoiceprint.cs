using DubAgent.Engines.Diarization;

namespace DubAgent.Engines.Voices;

/// <summary>
/// A model-free voiceprint: the mean and standard deviation of cepstra c1..c19 over the voiced-energy frames of 16 kHz
/// mono speech (frames within 30 dB of the loudest tenth), 38 numbers. Compared with <see cref="Divergence"/>, the
/// symmetric Kullback-Leibler divergence of the two diagonal Gaussians, averaged over the dimensions.
/// </summary>
public static class MfccVoiceprint
{
    public const string Kind = "mfcc-stats";
    private const int Coefficients = 20;
    private const int MinFrames = 100; // one second of speech

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
        var vector = new float[2 * (Coefficients - 1)];
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
            vector[Coefficients - 1 + c - 1] = (float)Math.Sqrt(Math.Max(1e-6, squares / speech.Count - mean * mean));
        }
        return vector;
    }

    /// <summary>Symmetric KL divergence between two voiceprints' diagonal Gaussians, per dimension (0 = the same voice statistics).</summary>
    public static double Divergence(IReadOnlyList<float> a, IReadOnlyList<float> b)
    {
        var dims = a.Count / 2;
        if (b.Count != a.Count || dims == 0) return double.PositiveInfinity;
        double total = 0;
        for (var i = 0; i < dims; i++)
        {
            double va = Math.Pow(a[dims + i], 2), vb = Math.Pow(b[dims + i], 2), d = a[i] - b[i];
            total += 0.5 * (va / vb + vb / va - 2) + 0.5 * d * d * (1 / va + 1 / vb);
        }
        return total / dims;
    }
}
