using System.Text.Json;
using DubAgent.Core.Media;
using DubAgent.Core.Scoring;

namespace DubAgent.Core.Tests.Scoring;

public class SdrBssEvalTests
{
    [Fact]
    public void Matches_mir_eval_on_its_fixture()
    {
        var folder = Path.Combine(SdrTestData.SharedData(), "sdr_fixture");
        float[] Load(string name) => WavReader.ReadAll(Path.Combine(folder, name)).Samples;
        var references = new[] { Load("ref01/0.wav"), Load("ref01/1.wav") };
        var estimates = new[] { Load("est01/0.wav"), Load("est01/1.wav") };
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "output01.json")));
        var sources = expected.RootElement.GetProperty("Sources");
        double[] Expected(string key) => sources.GetProperty(key).EnumerateArray().Select(e => e.GetDouble()).ToArray();

        var result = SdrBssEval.Sources(references, estimates);

        var sdr = Expected("Source to Distortion");
        var sir = Expected("Source to Interference");
        var sar = Expected("Source to Artifact");
        for (var i = 0; i < 2; i++)
        {
            // mir_eval's own tolerance against the MATLAB reference is 1e-2.
            Assert.Equal(sdr[i], result.Scores[i].Sdr, 1e-2);
            Assert.Equal(sir[i], result.Scores[i].Sir, 1e-2);
            Assert.Equal(sar[i], result.Scores[i].Sar, 1e-2);
        }
        Assert.Equal([0, 1], result.Permutation);
        Assert.Equal(sdr[0], SdrBssEval.Sdr(references[0], estimates[0]), 1e-2);
    }

    [Fact]
    public void Swapped_estimates_are_matched_back()
    {
        var random = new Random(5);
        float[] Noise() => Enumerable.Range(0, 4000).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var a = Noise();
        var b = Noise();
        var result = SdrBssEval.Sources([a, b], [b.Select(v => v * 0.5f).ToArray(), a], filterLength: 32);
        Assert.Equal([1, 0], result.Permutation);
        Assert.True(result.Scores[0].Sdr > 40);
    }

    [Fact]
    public void Added_interference_lowers_sdr_by_its_level()
    {
        var random = new Random(7);
        var s = Enumerable.Range(0, 8000).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var n = Enumerable.Range(0, 8000).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var est = s.Zip(n, (x, y) => x + 0.1f * y).ToArray(); // noise 20 dB down
        Assert.Equal(20, SdrBssEval.Sdr(s, est, filterLength: 64), 0.5);
        Assert.Equal(20, SdrScaleInvariant.Compute(s, est), 0.5);
    }

    [Fact]
    public void Scale_invariant_sdr_ignores_gain_but_not_sign_of_error()
    {
        var s = Enumerable.Range(0, 1000).Select(i => (float)Math.Sin(i * 0.1)).ToArray();
        Assert.True(SdrScaleInvariant.Compute(s, s.Select(v => v * 0.3f).ToArray()) > 100);
        Assert.Throws<ArgumentException>(() => SdrScaleInvariant.Compute(new float[10], s));
    }

    [Fact]
    public void Silent_estimate_is_minus_infinity_and_silent_reference_is_refused()
    {
        var s = Enumerable.Range(0, 1000).Select(i => (float)Math.Sin(i * 0.1)).ToArray();
        Assert.Equal(double.NegativeInfinity, SdrBssEval.Sdr(s, new float[1000], 16));
        Assert.Throws<ArgumentException>(() => SdrBssEval.Sdr(new float[1000], s, 16));
    }
}
