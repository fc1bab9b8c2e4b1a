using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Dsp;
using DubAgent.Core.Media;
using DubAgent.Engines.SpeechDetection;

namespace DubAgent.Engines.Tests.SpeechDetection;

/// <summary>
/// The detector's reading, windowing and region rules end to end, on a "gate" graph whose speech probability is the
/// loudest sample of each window: level 0.8 is speech, 0.4 lies between the thresholds, 0 is silence.
/// </summary>
public sealed class SileroSpeechDetectorTests : IDisposable
{
    private const int W = SileroVadStream.WindowSamples;
    private readonly GraphFolder _folder = new();

    /// <summary>A 16 kHz WAV of constant levels, each run given in windows.</summary>
    private string Levels(string name, int channels, params (float Level, int Windows)[] runs)
    {
        var mono = runs.SelectMany(r => Enumerable.Repeat(r.Level, r.Windows * W)).ToArray();
        var interleaved = mono.SelectMany(s => Enumerable.Repeat(s, channels)).ToArray();
        var path = _folder.File(name);
        WavWriter.WriteAll(path, new AudioFormat(SileroVadStream.SampleRate, channels), interleaved);
        return path;
    }

    private async Task<SileroSpeechDetector> GateAsync() =>
        Detectors.Silero(await TestVadGraphs.WriteAsync(_folder.Path, TestVadGraphs.Gate));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Regions_follow_the_probabilities_across_read_blocks(int channels)
    {
        var wav = Levels($"levels{channels}.wav", channels,
            (0, 20), (0.8f, 60), (0, 20),               // speech [20, 80)
            (0.8f, 60), (0.4f, 15), (0, 25),            // [100, 175), crossing the first 128-window block, held by 0.4
            (0.4f, 10), (0, 20),                        // 0.4 alone never starts speech
            (0.8f, 5), (0, 25),                         // 160 ms: too short
            (0.8f, 40), (0, 2), (0.8f, 38), (0, 60),    // [260, 340): a 64 ms pause stays inside
            (0.8f, 30), (0, 20));                       // [400, 430)
        var detection = await (await GateAsync()).DetectAsync(wav, null, CancellationToken.None);

        double Start(int window) => (window * W - 480) / 16000.0;
        double End(int window) => (window * W + 480) / 16000.0;
        (double, double)[] expected = [(Start(20), End(80)), (Start(100), End(175)), (Start(260), End(340)), (Start(400), End(430))];
        Assert.Equal(expected.Length, detection.Activity.Regions.Count);
        foreach (var ((start, end), region) in expected.Zip(detection.Activity.Regions))
        {
            // Regions come back on the 10 ms frame grid.
            Assert.Equal(start, region.Start, 0.0051);
            Assert.Equal(end, region.End, 0.0051);
        }
        Assert.Equal(450 * W / 16000.0, detection.Activity.DurationSeconds, 1e-9);
    }

    [Fact]
    public async Task Another_sample_rate_is_refused_with_the_fix()
    {
        var wav = _folder.File("44k.wav");
        WavWriter.WriteAll(wav, new AudioFormat(44100, 1), new float[44100]);
        var error = await Assert.ThrowsAsync<InputException>(async () => await (await GateAsync()).DetectAsync(wav, null, CancellationToken.None));
        Assert.Contains("44100 Hz", error.Message);
        Assert.Contains("16 kHz", error.Hint);
    }

    [Fact]
    public async Task Cancellation_stops_between_blocks()
    {
        var wav = Levels("long.wav", 1, (0.8f, 1000), (0, 1000)); // about 64 s: 16 blocks
        using var cancel = new CancellationTokenSource();
        var reports = new List<double>();
        var progress = new SynchronousProgress(f =>
        {
            reports.Add(f);
            cancel.Cancel();
        });
        var detector = await GateAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => detector.DetectAsync(wav, progress, cancel.Token));
        Assert.Single(reports); // it stopped at the next block instead of reading on
        Assert.True(reports[0] < 0.1);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => detector.DetectAsync(wav, null, cancel.Token));
    }

    [Fact]
    public async Task Progress_reaches_one()
    {
        var wav = Levels("short.wav", 1, (0.8f, 300));
        var reports = new List<double>();
        await (await GateAsync()).DetectAsync(wav, new SynchronousProgress(reports.Add), CancellationToken.None);
        Assert.Equal(1, reports[^1], 1e-9);
        Assert.Equal(reports.Order(), reports);
    }

    public void Dispose() => _folder.Dispose();

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
