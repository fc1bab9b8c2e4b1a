using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Models;
using DubAgent.Engines.SpeechDetection;
using DubAgent.Engines.Tests.Diarization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DubAgent.Engines.Tests.SpeechDetection;

/// <summary>Where the product's detector gets Silero's model, and its fallback to the energy detector with a note.</summary>
public sealed class SileroOrEnergyDetectorTests : IDisposable
{
    private static readonly string Speech = Path.Combine(SpeechFixtures.SharedData, "jfk", "jfk.wav");
    private readonly GraphFolder _folder = new();
    private readonly InferenceSessionCache _sessions = new();

    private static IConfiguration Settings(string? model = null) => SpeechFixtures.Configuration(("Vad:Model", model));

    private Task<DetectedSpeech> DetectAsync(IConfiguration configuration, IModelStore? store = null) =>
        new SileroOrEnergyDetector(configuration, _sessions, store).DetectAsync(Speech, null, CancellationToken.None);

    /// <summary>The fallback is the energy detector itself: the same regions, and a note that says why and what to do.</summary>
    private static async Task AssertEnergyFallbackAsync(DetectedSpeech detection, string why)
    {
        var energy = await new EnergySpeechDetector().DetectAsync(Speech, null, CancellationToken.None);
        Assert.Equal(EnergySpeechDetector.Name, detection.Detector);
        Assert.Equal(energy.Activity.Regions, detection.Activity.Regions);
        Assert.NotNull(detection.Note);
        Assert.Contains("energy detector", detection.Note);
        Assert.Contains(why, detection.Note);
        Assert.Contains("dubagent models pull silero-vad", detection.Note);
        Assert.Contains("Vad:Model", detection.Note);
    }

    [Fact]
    public async Task Without_a_store_or_setting_the_energy_detector_answers_with_a_note() =>
        await AssertEnergyFallbackAsync(await DetectAsync(Settings()), "no model store");

    [Fact]
    public async Task A_store_without_the_model_falls_back()
    {
        var store = new FixedModelStore(null);
        await AssertEnergyFallbackAsync(await DetectAsync(Settings(), store), "the model store has no 'silero-vad'");
        Assert.Equal(["silero-vad"], store.Asked);
    }

    [Fact]
    public async Task A_missing_Vad_Model_file_falls_back_and_names_it()
    {
        var missing = _folder.File("nowhere.onnx");
        await AssertEnergyFallbackAsync(await DetectAsync(Settings(missing)), missing);
    }

    [Fact]
    public async Task A_corrupt_model_falls_back_and_says_it_could_not_be_loaded()
    {
        var corrupt = _folder.File("corrupt.onnx");
        await File.WriteAllBytesAsync(corrupt, Enumerable.Range(0, 4096).Select(i => (byte)(i * 37)).ToArray());
        await AssertEnergyFallbackAsync(await DetectAsync(Settings(corrupt)), "could not be loaded");
    }

    [Fact]
    public async Task A_model_that_is_not_Silero_falls_back_and_says_so()
    {
        var other = await TestVadGraphs.WriteAsync(_folder.Path, TestVadGraphs.Other);
        await AssertEnergyFallbackAsync(await DetectAsync(Settings(other)), "not a Silero VAD model");
    }

    [Fact]
    public async Task The_model_store_provides_Silero()
    {
        var detection = await DetectAsync(Settings(), new FixedModelStore(SharedModels.SileroVad));
        Assert.Equal(SileroSpeechDetector.Name, detection.Detector);
        Assert.Null(detection.Note);
        Assert.InRange(detection.Activity.SpeechRatio, 0.5, 1);
    }

    [Fact]
    public async Task Vad_Model_wins_over_the_store()
    {
        var other = await TestVadGraphs.WriteAsync(_folder.Path, TestVadGraphs.Other);
        var store = new FixedModelStore(other);
        var detection = await DetectAsync(Settings(SharedModels.SileroVad), store);
        Assert.Equal(SileroSpeechDetector.Name, detection.Detector);
        Assert.Empty(store.Asked);
    }

    [Fact]
    public async Task Dependency_injection_uses_a_registered_store_and_runs_without_one()
    {
        var bare = new ServiceCollection().AddSingleton(Settings()).AddSpeechDetection().BuildServiceProvider();
        Assert.Equal(EnergySpeechDetector.Name, (await bare.GetRequiredService<ISpeechDetector>().DetectAsync(Speech, null, CancellationToken.None)).Detector);

        var withStore = new ServiceCollection().AddSingleton(Settings()).AddSingleton<IModelStore>(new FixedModelStore(SharedModels.SileroVad))
            .AddSpeechDetection().BuildServiceProvider();
        Assert.Equal(SileroSpeechDetector.Name, (await withStore.GetRequiredService<ISpeechDetector>().DetectAsync(Speech, null, CancellationToken.None)).Detector);
    }

    [Fact]
    public async Task The_region_finder_logs_the_fallback_as_a_warning()
    {
        var logger = new RecordingLogger();
        var finder = new SpeechRegionFinder(new SileroOrEnergyDetector(Settings(), _sessions));
        var regions = await finder.FindAsync(Speech, new EngineContext { WorkDirectory = _folder.Path, Logger = logger });
        Assert.NotEmpty(regions);
        var (level, message) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("energy detector", message);
    }

    public void Dispose()
    {
        _sessions.Dispose();
        _folder.Dispose();
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
