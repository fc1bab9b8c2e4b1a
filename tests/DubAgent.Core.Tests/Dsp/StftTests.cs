using DubAgent.Core.Dsp;

namespace DubAgent.Core.Tests.Dsp;

public class StftTests
{
    [Theory]
    [InlineData(8000)]
    [InlineData(44100)]
    [InlineData(96000)]
    public void Analysis_then_synthesis_gives_the_signal_back_in_the_interior(int rate)
    {
        var layout = StftLayout.For(rate);
        var x = TestSignals.Add(TestSignals.Harmonic(180, 0.5, rate), TestSignals.Noise(0.5, rate, 0.1));
        var stft = new Stft(layout);
        var y = new float[x.Length];
        stft.Synthesize(stft.Analyze(x), y);
        for (var i = layout.FftSize; i < x.Length - layout.FftSize; i++) Assert.Equal(x[i], y[i], 1e-4f);
    }

    [Fact]
    public void Layout_uses_about_46_ms_power_of_two_frames_and_quarter_hops()
    {
        Assert.Equal(2048, StftLayout.For(44100).FftSize);
        Assert.Equal(2048, StftLayout.For(48000).FftSize);
        Assert.Equal(512, StftLayout.For(8000).FftSize);
        Assert.Equal(512, StftLayout.For(44100).Hop);
    }

    [Fact]
    public void A_sine_peaks_in_its_own_bin()
    {
        var layout = StftLayout.For(16000);
        var x = new float[16000];
        for (var i = 0; i < x.Length; i++) x[i] = (float)Math.Sin(2 * Math.PI * 1000 * i / 16000);
        var m = new Stft(layout).Analyze(x).Magnitudes();
        var frame = m.Frame(5).ToArray();
        var peak = Array.IndexOf(frame, frame.Max());
        Assert.Equal(1000 / layout.BinHz, peak, 0.6);
    }
}
