using DubAgent.Core.Dsp;

namespace DubAgent.Core.Tests.Dsp;

public class PitchTrackerTests
{
    [Theory]
    [InlineData(95, 16000)]
    [InlineData(130, 44100)]
    [InlineData(220, 48000)]
    [InlineData(310, 8000)]
    public void Finds_the_fundamental_of_a_harmonic_tone(double hz, int rate)
    {
        var track = PitchTracker.Track(TestSignals.Harmonic(hz, 1.0, rate), rate);
        Assert.True(track.VoicedRatio > 0.8, $"voiced ratio {track.VoicedRatio}");
        Assert.Equal(hz, track.MedianHz()!.Value, hz * 0.03);
    }

    [Fact]
    public void A_tone_without_its_fundamental_still_gives_the_fundamental()
    {
        const int rate = 16000;
        var x = new float[rate];
        for (var i = 0; i < x.Length; i++)
            for (var h = 2; h <= 8; h++) x[i] += (float)(0.05 * Math.Sin(2 * Math.PI * 150 * h * i / rate));
        Assert.Equal(150, PitchTracker.Track(x, rate).MedianHz()!.Value, 5.0);
    }

    [Fact]
    public void Noise_and_silence_are_unvoiced()
    {
        const int rate = 16000;
        Assert.True(PitchTracker.Track(TestSignals.Noise(1, rate, 0.3), rate).VoicedRatio < 0.1);
        Assert.Equal(0, PitchTracker.Track(TestSignals.Silence(1, rate), rate).VoicedRatio);
        Assert.Null(PitchTracker.Track(TestSignals.Silence(1, rate), rate).MedianHz());
    }

    [Fact]
    public void Median_over_a_time_range_follows_the_speaker()
    {
        const int rate = 16000;
        var x = TestSignals.Concat(TestSignals.Harmonic(110, 1, rate), TestSignals.Harmonic(240, 1, rate));
        var track = PitchTracker.Track(x, rate);
        Assert.Equal(110, track.MedianHz(0.1, 0.9)!.Value, 4.0);
        Assert.Equal(240, track.MedianHz(1.1, 1.9)!.Value, 8.0);
    }
}
