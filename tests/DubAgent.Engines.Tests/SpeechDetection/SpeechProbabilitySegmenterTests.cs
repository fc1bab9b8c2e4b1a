using DubAgent.Core.Dsp;
using DubAgent.Engines.SpeechDetection;

namespace DubAgent.Engines.Tests.SpeechDetection;

/// <summary>Silero's region rules over probability sequences given window by window (512 samples at 16 kHz).</summary>
public sealed class SpeechProbabilitySegmenterTests
{
    private const int W = 512;
    private const int Rate = 16_000;

    /// <summary>Probabilities from runs of (value, windows).</summary>
    private static float[] Runs(params (float P, int Windows)[] runs) => runs.SelectMany(r => Enumerable.Repeat(r.P, r.Windows)).ToArray();

    private static IReadOnlyList<SpeechRegion> Segment(float[] p, SileroVadSettings? settings = null, long? samples = null) =>
        SpeechProbabilitySegmenter.Segment(p, W, samples ?? p.Length * (long)W, Rate, settings ?? SileroVadSettings.Default);

    private static SpeechRegion Samples(long start, long end) => new(start / (double)Rate, end / (double)Rate);

    [Fact]
    public void Hysteresis_keeps_speech_between_the_thresholds_but_does_not_start_it()
    {
        // 0.4 lies between off (0.35) and on (0.5): it continues speech, it never starts it.
        var regions = Segment(Runs((0, 10), (0.4f, 10), (0, 10), (0.9f, 20), (0.4f, 15), (0, 20)));
        Assert.Equal(new[] { Samples(30 * W - 480, 65 * W + 480) }, regions);
    }

    [Fact]
    public void Pauses_shorter_than_the_minimum_silence_stay_inside_and_short_bursts_are_dropped()
    {
        // A 2-window pause (64 ms < 100 ms) joins; 5 windows of speech (160 ms < 250 ms) are dropped.
        var regions = Segment(Runs((0, 10), (0.9f, 20), (0.1f, 2), (0.9f, 20), (0, 20), (0.9f, 5), (0, 20)));
        Assert.Equal(new[] { Samples(10 * W - 480, 52 * W + 480) }, regions);
    }

    [Fact]
    public void Close_regions_meet_halfway_and_padding_stops_at_the_ends_of_the_audio()
    {
        var settings = SileroVadSettings.Default with { MinSilenceSeconds = 0.05, PadSeconds = 0.05 };
        // Speech from the first window, a 3-window pause (1536 samples < two pads of 800), speech to the very end.
        var regions = Segment(Runs((0.9f, 20), (0, 3), (0.9f, 20)), settings, samples: 43 * W - 100);
        Assert.Equal(new[] { Samples(0, 20 * W + 768), Samples(23 * W - 768, 43 * W - 100) }, regions);
    }

    [Fact]
    public void Silence_gives_no_regions() => Assert.Empty(Segment(Runs((0.2f, 100))));
}
