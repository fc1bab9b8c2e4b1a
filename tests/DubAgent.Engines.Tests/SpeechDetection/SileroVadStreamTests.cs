using DubAgent.Engines.SpeechDetection;
using Microsoft.ML.OnnxRuntime;

namespace DubAgent.Engines.Tests.SpeechDetection;

/// <summary>The windowing and state plumbing, against a graph whose output is a known function of what it is given.</summary>
public sealed class SileroVadStreamTests : IDisposable
{
    private readonly GraphFolder _folder = new();

    [Fact]
    public async Task Each_window_gets_the_last_64_samples_before_it_the_carried_state_and_16_kHz()
    {
        using var session = new InferenceSession(await TestVadGraphs.WriteAsync(_folder.Path, TestVadGraphs.Echo));
        // Sample n holds n + 1 (exact in float), so every sum the graph makes names the samples it saw.
        var length = 3 * SileroVadStream.WindowSamples + 100;
        var signal = Enumerable.Range(1, length).Select(n => (float)n).ToArray();
        using var stream = new SileroVadStream(session);

        for (var k = 0; k * SileroVadStream.WindowSamples < length; k++)
        {
            var from = k * SileroVadStream.WindowSamples;
            var window = signal.AsSpan(from, Math.Min(SileroVadStream.WindowSamples, length - from));
            var context = k == 0 ? 0 : signal[from - SileroVadStream.ContextSamples];
            var lastSample = window.Length == SileroVadStream.WindowSamples ? window[^1] : 0; // a short window is padded with zeros
            Assert.Equal(context + 2 * lastSample + k, stream.Next(window));
        }
    }

    [Fact]
    public async Task A_window_longer_than_512_samples_is_refused()
    {
        using var session = new InferenceSession(await TestVadGraphs.WriteAsync(_folder.Path, TestVadGraphs.Echo));
        using var stream = new SileroVadStream(session);
        Assert.Throws<ArgumentException>(() => stream.Next(new float[SileroVadStream.WindowSamples + 1]));
    }

    public void Dispose() => _folder.Dispose();
}
