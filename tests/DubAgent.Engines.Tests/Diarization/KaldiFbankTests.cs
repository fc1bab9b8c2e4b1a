using DubAgent.Engines.Diarization;

namespace DubAgent.Engines.Tests.Diarization;

/// <summary>
/// The filterbank against a reference written here straight from Kaldi's published definition (feature-window.cc,
/// mel-computations.cc): a direct DFT instead of an FFT, the mel weights recomputed per FFT bin.
/// </summary>
public class KaldiFbankTests
{
    private static float[] Signal(int count)
    {
        var samples = new float[count];
        uint state = 12345;
        for (var i = 0; i < count; i++)
        {
            state = state * 1664525 + 1013904223; // a fixed linear congruential noise
            var noise = (state >> 8) / (double)(1 << 24) - 0.5;
            samples[i] = (float)(0.3 * Math.Sin(2 * Math.PI * 440 * i / 16000.0) + 0.1 * Math.Sin(2 * Math.PI * 2500 * i / 16000.0) + 0.02 * noise + 0.01);
        }
        return samples;
    }

    /// <summary>Kaldi's fbank for one frame, computed the slow, literal way.</summary>
    private static double[] ReferenceFrame(float[] samples, int start, int bins)
    {
        const int length = 400, padded = 512;
        var x = new double[length];
        for (var i = 0; i < length; i++) x[i] = samples[start + i] * 32768.0;
        var mean = x.Average();
        for (var i = 0; i < length; i++) x[i] -= mean;                              // remove_dc_offset
        for (var i = length - 1; i > 0; i--) x[i] -= 0.97 * x[i - 1];               // preemphasis, last sample first
        x[0] -= 0.97 * x[0];
        for (var i = 0; i < length; i++) x[i] *= 0.54 - 0.46 * Math.Cos(2 * Math.PI * i / (length - 1)); // hamming
        var power = new double[padded / 2];
        for (var k = 0; k < padded / 2; k++)
        {
            double re = 0, im = 0;
            for (var n = 0; n < length; n++)
            {
                re += x[n] * Math.Cos(2 * Math.PI * k * n / padded);
                im -= x[n] * Math.Sin(2 * Math.PI * k * n / padded);
            }
            power[k] = re * re + im * im;
        }
        static double Mel(double f) => 1127.0 * Math.Log(1.0 + f / 700.0);
        double low = Mel(20), high = Mel(8000), delta = (high - low) / (bins + 1);
        var result = new double[bins];
        for (var m = 0; m < bins; m++)
        {
            double left = low + m * delta, centre = low + (m + 1) * delta, right = low + (m + 2) * delta, energy = 0;
            for (var k = 0; k < padded / 2; k++)
            {
                var mel = Mel(k * 16000.0 / padded);
                if (mel > left && mel <= centre) energy += (mel - left) / (centre - left) * power[k];
                else if (mel > centre && mel < right) energy += (right - mel) / (right - centre) * power[k];
            }
            result[m] = Math.Log(Math.Max(energy, 1.1920929e-07));
        }
        return result;
    }

    [Fact]
    public void Features_match_kaldis_formula_computed_directly()
    {
        var samples = Signal(1600 + 123);
        var fbank = new KaldiFbank();
        var features = fbank.Compute(samples);

        var frames = 1 + (samples.Length - 400) / 160; // snip-edges: whole frames only
        Assert.Equal(frames, KaldiFbank.FrameCount(samples.Length));
        Assert.Equal(frames * 80, features.Length);
        for (var f = 0; f < frames; f++)
        {
            var expected = ReferenceFrame(samples, f * 160, 80);
            for (var m = 0; m < 80; m++)
                Assert.True(Math.Abs(expected[m] - features[f * 80 + m]) < 1e-3, $"frame {f}, bin {m}: expected {expected[m]:0.0000}, got {features[f * 80 + m]:0.0000}");
        }
    }

    [Fact]
    public void A_tone_peaks_in_the_bin_centred_nearest_its_frequency()
    {
        var tone = Enumerable.Range(0, 4000).Select(i => (float)(0.5 * Math.Sin(2 * Math.PI * 1000 * i / 16000.0))).ToArray();
        var features = new KaldiFbank().Compute(tone);
        var peak = Enumerable.Range(0, 80).MaxBy(m => features[3 * 80 + m]);
        // Bin m is centred at mel(20) + (m + 1)·Δ; invert Kaldi's mel scale to find the bin centred nearest 1 kHz.
        double low = KaldiFbank.MelScale(20), delta = (KaldiFbank.MelScale(8000) - low) / 81;
        var nearest = Enumerable.Range(0, 80).MinBy(m => Math.Abs(700 * (Math.Exp((low + (m + 1) * delta) / 1127) - 1) - 1000));
        Assert.InRange(peak, nearest - 1, nearest + 1);
    }

    [Fact]
    public void Mean_subtraction_leaves_every_bin_centred_on_zero()
    {
        var features = new KaldiFbank().Compute(Signal(8000));
        KaldiFbank.SubtractMean(features, 80);
        var frames = features.Length / 80;
        for (var m = 0; m < 80; m++)
            Assert.True(Math.Abs(Enumerable.Range(0, frames).Average(f => features[f * 80 + m])) < 1e-4);
    }

    [Fact]
    public void Audio_shorter_than_one_frame_gives_no_frames()
    {
        Assert.Equal(0, KaldiFbank.FrameCount(399));
        Assert.Empty(new KaldiFbank().Compute(new float[399]));
    }
}
