using System.Security.Cryptography;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Models;
using DubAgent.Core.Models;
using DubAgent.Core.Tests.Models;
using DubAgent.Engines.Tests.Diarization;
using DubAgent.Engines.Transcription.Whisper;

namespace DubAgent.Engines.Tests.Transcription.Whisper;

/// <summary>
/// The whisper engine on whisper.cpp's weightless test model (shared/models/for-tests-ggml-tiny.bin: it loads and runs
/// every step, but recognises nothing), with the model store in a temporary folder.
/// </summary>
public sealed class WhisperTranscriberTests : IDisposable
{
    private readonly SpeechFixtures _fixtures = new();

    private static string SharedModels => Path.GetFullPath(Path.Combine(SpeechFixtures.SharedData, "..", "models"));

    private static string TestModel => Path.Combine(SharedModels, "for-tests-ggml-tiny.bin");

    private static string Jfk => Path.Combine(SpeechFixtures.SharedData, "jfk", "jfk.wav");

    private string ModelsFolder => Path.Combine(_fixtures.Directory, "models");

    /// <summary>A store whose `whisper-base` is the test model (so the engine's default path runs on it).</summary>
    private ModelStore StoreWithTestModelAsBase(string url = "http://127.0.0.1:9/not-used.bin", HttpMessageHandler? handler = null) =>
        new(new ModelStoreOptions { Directory = ModelsFolder },
            [new ModelEntry("whisper-base", "whisper", "ggml-base.bin", url, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(TestModel))),
                new FileInfo(TestModel).Length, "MIT", "the weightless test model standing in for base")], handler);

    /// <summary>A store with the shipped catalog and nothing in it (engines configured with a model file never ask it).</summary>
    private ModelStore EmptyStore() => new(new ModelStoreOptions { Directory = ModelsFolder, AutoDownload = false });

    private static WhisperTranscriber Engine(IModelStore store, params (string Key, string? Value)[] settings) =>
        new(store, SpeechFixtures.Media, SpeechFixtures.Configuration(settings), SpeechFixtures.EnergyRegions);

    [Fact]
    public async Task Without_its_model_it_is_unavailable_with_the_pull_command_and_never_touches_the_network()
    {
        var handler = new RefusingHandler();
        using var store = new ModelStore(new ModelStoreOptions { Directory = ModelsFolder, AutoDownload = true }, handler: handler);

        var status = await Engine(store).CheckAsync(CancellationToken.None);

        Assert.False(status.Available);
        Assert.Equal("model whisper-base is not in the store", status.Detail);
        Assert.Contains("`dubagent models pull whisper-base` (148 MB)", status.InstallHint);
        Assert.Contains("dubagent models add FILE", status.InstallHint);
        Assert.Equal(0, handler.Requests);
    }

    [Fact]
    public async Task Runs_the_whole_path_on_the_test_model_after_downloading_it_on_first_use()
    {
        using var server = new ModelFileServer(await File.ReadAllBytesAsync(TestModel));
        using var store = StoreWithTestModelAsBase(server.Url);
        var engine = Engine(store);
        Assert.False((await engine.CheckAsync(CancellationToken.None)).Available);
        var messages = new List<string>();

        var context = new EngineContext { WorkDirectory = _fixtures.Context().WorkDirectory, Progress = new Recorder(messages) };

        var transcript = await engine.TranscribeAsync(new TranscriptionRequest(Jfk, "en"), context);

        Assert.NotNull(store.Find("whisper-base"));
        Assert.True((await engine.CheckAsync(CancellationToken.None)).Available);
        Assert.Equal(11.0, transcript.TotalDuration, 1);
        Assert.Equal("en", transcript.Language);
        Assert.NotNull(transcript.LanguageCheck);
        Assert.True(transcript.LanguageCheck!.Checked);
        Assert.NotNull(transcript.LanguageCheck.Detected);
        Assert.All(transcript.Segments, s => Assert.InRange(s.Start, 0, 11.1));
        Assert.Contains(messages, m => m.StartsWith("downloading whisper-base", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("whisper: speech piece 1/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_language_it_hears_clearly_otherwise_stops_the_run_naming_both()
    {
        // The test model hears some language with a tiny probability; a guard of 0 makes any mismatch count.
        var engine = Engine(EmptyStore(), ("Whisper:Model", TestModel), ("Whisper:LanguageGuard", "0"));
        var heard = await engine.TranscribeAsync(new TranscriptionRequest(Jfk, null), _fixtures.Context());
        Assert.False(heard.LanguageCheck!.Checked);
        var detected = heard.LanguageCheck.Detected!;
        Assert.Equal(detected, heard.Language);
        var declared = detected == "en" ? "fr" : "en";

        var error = await Assert.ThrowsAsync<InputException>(() => engine.TranscribeAsync(new TranscriptionRequest(Jfk, declared), _fixtures.Context()));

        Assert.Contains($"({declared})", error.Message);
        Assert.Contains(detected, error.Message);
        Assert.Contains("jfk.wav", error.Message);
    }

    [Fact]
    public async Task Cancellation_stops_it_while_whisper_runs()
    {
        var engine = Engine(EmptyStore(), ("Whisper:Model", TestModel));
        using var cancel = new CancellationTokenSource();
        var context = new EngineContext
        {
            WorkDirectory = _fixtures.Context().WorkDirectory,
            CancellationToken = cancel.Token,
            Progress = new Recorder([], m => { if (m.StartsWith("whisper:", StringComparison.Ordinal)) cancel.Cancel(); }),
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.TranscribeAsync(new TranscriptionRequest(Jfk, "en"), context));
    }

    [Fact]
    public async Task A_missing_model_file_is_unavailable_and_says_which_file()
    {
        var engine = Engine(EmptyStore(), ("Whisper:Model", "/nonexistent/ggml-base.bin"));

        var status = await engine.CheckAsync(CancellationToken.None);
        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => engine.TranscribeAsync(new TranscriptionRequest(Jfk, "en"), _fixtures.Context()));

        Assert.False(status.Available);
        Assert.Contains("/nonexistent/ggml-base.bin", status.Detail);
        Assert.Contains("/nonexistent/ggml-base.bin", error.Message);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    public async Task A_corrupt_model_file_is_a_clear_engine_failure(string damage)
    {
        var path = Path.Combine(_fixtures.Directory, $"ggml-{damage}.bin");
        await File.WriteAllBytesAsync(path, damage == "garbage" ? RandomNumberGenerator.GetBytes(100_000) : (await File.ReadAllBytesAsync(TestModel))[..1000]);
        var engine = Engine(EmptyStore(), ("Whisper:Model", path));

        var error = await Assert.ThrowsAsync<EngineFailedException>(() => engine.TranscribeAsync(new TranscriptionRequest(Jfk, "en"), _fixtures.Context()));

        Assert.Contains("could not be loaded", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public async Task An_english_only_model_refuses_another_language_before_any_work()
    {
        var engine = Engine(EmptyStore(), ("Whisper:Model", Path.Combine(SharedModels, "for-tests-ggml-tiny.en.bin")));

        var error = await Assert.ThrowsAsync<InputException>(() => engine.TranscribeAsync(new TranscriptionRequest(Jfk, "es"), _fixtures.Context()));

        Assert.Contains("English only", error.Message);
    }

    public void Dispose() => _fixtures.Dispose();

    /// <summary>Records progress messages on the reporting thread, optionally acting on them.</summary>
    private sealed class Recorder(List<string> messages, Action<string>? onMessage = null) : IProgress<ProgressUpdate>
    {
        public void Report(ProgressUpdate value)
        {
            if (value.Message is not { } message) return;
            lock (messages) messages.Add(message);
            onMessage?.Invoke(message);
        }
    }

    /// <summary>Counts requests and fails them: proof that nothing went to the network.</summary>
    private sealed class RefusingHandler : HttpMessageHandler
    {
        public int Requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Requests);
            throw new HttpRequestException("no network in this test");
        }
    }
}
