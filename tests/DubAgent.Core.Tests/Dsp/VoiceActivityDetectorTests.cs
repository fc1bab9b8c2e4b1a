using DubAgent.Core.Dsp;

namespace DubAgent.Core.Tests.Dsp;

public class VoiceActivityDetectorTests
{
    private const int Rate = 16000;

    [Fact]
    public void Finds_voiced_bursts_between_silences()
    {
        var x = TestSignals.Concat(TestSignals.Silence(1, Rate), TestSignals.Harmonic(140, 1, Rate, vibratoHz: 5),
            TestSignals.Silence(1, Rate), TestSignals.Harmonic(200, 0.8, Rate, vibratoHz: 5), TestSignals.Silence(1, Rate));
        var vad = new VoiceActivityDetector().Detect(x, Rate);
        Assert.Equal(2, vad.Regions.Count);
        Assert.Equal(1.0, vad.Regions[0].Start, 0.15);
        Assert.Equal(2.0, vad.Regions[0].End, 0.35);
        Assert.Equal(3.0, vad.Regions[1].Start, 0.15);
        Assert.InRange(vad.SpeechRatio, 1.8 / 4.8, 2.7 / 4.8);
    }

    [Fact]
    public void Steady_noise_is_not_speech()
    {
        var vad = new VoiceActivityDetector().Detect(TestSignals.Noise(3, Rate, 0.05), Rate);
        Assert.True(vad.SpeechRatio < 0.05, $"speech ratio {vad.SpeechRatio}");
    }

    [Fact]
    public void Silence_and_an_empty_clip_are_not_speech()
    {
        Assert.Empty(new VoiceActivityDetector().Detect(TestSignals.Silence(2, Rate), Rate).Regions);
        Assert.Empty(new VoiceActivityDetector().Detect(ReadOnlySpan<float>.Empty, Rate).Regions);
    }

    [Fact]
    public void Voice_over_a_quiet_noise_floor_is_found()
    {
        var voice = TestSignals.Concat(TestSignals.Silence(1, Rate), TestSignals.Harmonic(120, 1.5, Rate, vibratoHz: 4), TestSignals.Silence(1.5, Rate));
        var x = TestSignals.Add(voice, TestSignals.Noise(4, Rate, 0.01));
        var vad = new VoiceActivityDetector().Detect(x, Rate);
        Assert.True(vad.IsSpeech(1.7));
        Assert.False(vad.IsSpeech(0.5));
        Assert.False(vad.IsSpeech(3.5));
    }

    [Fact]
    public void Hangover_bridges_a_short_pause_and_short_clicks_are_dropped()
    {
        var hop = 0.01;
        var features = new SpeechFrameFeatures[300];
        var voiced = new SpeechFrameFeatures(-20, 0.1f, new PitchEstimate(150, 4, true));
        var quiet = new SpeechFrameFeatures(-120, 1, PitchEstimate.Unvoiced);
        for (var i = 0; i < features.Length; i++) features[i] = quiet;
        for (var i = 50; i < 100; i++) features[i] = voiced;
        for (var i = 110; i < 150; i++) features[i] = voiced; // 100 ms pause: bridged
        for (var i = 250; i < 253; i++) features[i] = voiced; // 30 ms click: dropped
        var flags = new VoiceActivityDetector().Decide(features, hop);
        Assert.True(flags[105]);
        Assert.True(flags[160]);
        Assert.False(flags[200]);
        Assert.False(flags[251]);
        Assert.True(flags[45]);
    }
}
