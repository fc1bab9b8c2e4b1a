using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;
using DubAgent.Engines.Tests.Diarization;
using DubAgent.Engines.Transcription;

namespace DubAgent.Engines.Tests.Transcription;

/// <summary>The openai engine against a local server answering the API reference's verbose_json response.</summary>
public class OpenAiTranscriberTests : IDisposable
{
    private readonly SpeechFixtures _fixtures = new();

    /// <summary>verbose_json as the API reference documents it (times relative to the uploaded file).</summary>
    private const string VerboseJson = """
        {
          "task": "transcribe",
          "language": "english",
          "duration": 3.0,
          "text": "The beach was a popular spot. On a hot summer day.",
          "segments": [
            { "id": 0, "seek": 0, "start": 0.5, "end": 1.5, "text": " The beach was a popular spot.", "tokens": [50364, 440],
              "temperature": 0.0, "avg_logprob": -0.2860786020755768, "compression_ratio": 1.2363636493682861, "no_speech_prob": 0.00985979475080967 },
            { "id": 1, "seek": 0, "start": 1.6, "end": 2.8, "text": " On a hot summer day.", "tokens": [50364, 1282],
              "temperature": 0.0, "avg_logprob": -0.5, "compression_ratio": 1.2, "no_speech_prob": 0.01 }
          ],
          "words": [
            { "word": "The", "start": 0.5, "end": 0.7 }, { "word": "beach", "start": 0.7, "end": 1.0 },
            { "word": "On", "start": 1.6, "end": 1.8 }, { "word": "day", "start": 2.5, "end": 2.8 }
          ]
        }
        """;

    private const string ErrorJson = """{ "error": { "message": "simulated", "type": "invalid_request_error", "param": null, "code": null } }""";

    private static OpenAiTranscriber Engine(string baseUrl, params (string, string?)[] extra) =>
        new(SpeechFixtures.Media, SpeechFixtures.Configuration(
            [("OpenAI:Transcription:BaseUrl", baseUrl), ("OpenAI:Transcription:ApiKey", "sk-test"), ("OpenAI:Transcription:MaxRetries", "2"), .. extra]),
            SpeechFixtures.EnergyRegions);

    private string Audio(double seconds)
    {
        var wav = Path.Combine(_fixtures.Directory, $"audio{seconds}.wav");
        WavWriter.WriteAll(wav, new AudioFormat(16000, 1), new float[(int)(16000 * seconds)]);
        return wav;
    }

    [Fact]
    public async Task Asks_for_verbose_json_with_segment_and_word_times()
    {
        using var server = new FakeTranscriptionServer((_, _) => (200, VerboseJson));
        var transcript = await Engine(server.BaseUrl).TranscribeAsync(new TranscriptionRequest(Audio(3), "en"), _fixtures.Context());

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/audio/transcriptions", request.Path);
        Assert.Equal("Bearer sk-test", request.Authorization);
        Assert.Equal(["whisper-1"], request.Field("model"));
        Assert.Equal(["verbose_json"], request.Field("response_format"));
        Assert.Equal(["segment", "word"], request.Field("timestamp_granularities[]").Order());
        Assert.Equal(["en"], request.Field("language"));

        Assert.Equal(2, transcript.Segments.Count);
        Assert.Equal("The beach was a popular spot.", transcript.Segments[0].Text);
        Assert.Equal(Math.Exp(-0.2860786020755768), transcript.Segments[0].Confidence, 3);
        Assert.Equal(["The", "beach"], transcript.Segments[0].Words!.Select(w => w.Word));
        Assert.Equal("en", transcript.Language);
    }

    [Fact]
    public async Task Detected_language_names_become_codes()
    {
        using var server = new FakeTranscriptionServer((_, _) => (200, VerboseJson));
        var transcript = await Engine(server.BaseUrl).TranscribeAsync(new TranscriptionRequest(Audio(3), null), _fixtures.Context());
        Assert.Equal("en", transcript.Language);
        Assert.Empty(server.Requests[0].Field("language"));
    }

    [Fact]
    public async Task Inputs_over_the_upload_limit_go_in_pieces_cut_in_pauses_and_times_are_stitched()
    {
        var (dialogue, _, _) = await _fixtures.DialogueAsync(6);
        const int limit = 200_000; // about 6 s of 16 kHz 16-bit mono
        using var server = new FakeTranscriptionServer((_, _) => (200, VerboseJson));
        var transcript = await Engine(server.BaseUrl, ("OpenAI:Transcription:MaxUploadBytes", limit.ToString()))
            .TranscribeAsync(new TranscriptionRequest(dialogue, "en"), _fixtures.Context());

        Assert.True(server.Requests.Count >= 3, $"{server.Requests.Count} uploads");
        Assert.All(server.Requests, r => Assert.True(r.Body.Length <= limit + 4096, $"upload of {r.Body.Length} bytes"));
        Assert.Equal(2 * server.Requests.Count, transcript.Segments.Count);
        for (var i = 1; i < transcript.Segments.Count; i++)
            Assert.True(transcript.Segments[i].Start >= transcript.Segments[i - 1].End, "stitched times must increase");
        Assert.True(transcript.Segments[^1].Start > 10, "later pieces are offset by their start");
    }

    [Fact]
    public async Task Unauthorized_is_a_clear_error_about_the_key()
    {
        using var server = new FakeTranscriptionServer((_, _) => (401, ErrorJson));
        var error = await Assert.ThrowsAsync<EngineFailedException>(() =>
            Engine(server.BaseUrl).TranscribeAsync(new TranscriptionRequest(Audio(1), "en"), _fixtures.Context()));
        Assert.Contains("refused the API key", error.Message);
        Assert.Contains("APIKEY", error.Hint);
        Assert.Single(server.Requests); // 401 is not retried
    }

    [Fact]
    public async Task Rate_limiting_is_retried_with_backoff()
    {
        using var server = new FakeTranscriptionServer((i, _) => i < 2 ? (429, ErrorJson) : (200, VerboseJson));
        var transcript = await Engine(server.BaseUrl).TranscribeAsync(new TranscriptionRequest(Audio(3), "en"), _fixtures.Context());
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(2, transcript.Segments.Count);
    }

    [Fact]
    public async Task Server_errors_are_retried_then_reported()
    {
        using var server = new FakeTranscriptionServer((_, _) => (500, ErrorJson));
        var error = await Assert.ThrowsAsync<EngineFailedException>(() =>
            Engine(server.BaseUrl).TranscribeAsync(new TranscriptionRequest(Audio(1), "en"), _fixtures.Context()));
        Assert.Contains("HTTP 500", error.Message);
        Assert.Equal(3, server.Requests.Count); // the first try and 2 retries
    }

    [Fact]
    public async Task Without_a_key_for_openai_the_check_says_what_to_set()
    {
        var engine = new OpenAiTranscriber(SpeechFixtures.Media, SpeechFixtures.Configuration(), SpeechFixtures.EnergyRegions);
        var settings = OpenAiTranscriptionSettings.From(SpeechFixtures.Configuration(), _ => null);
        Assert.Null(settings.ApiKey);
        if (Environment.GetEnvironmentVariable("OPENAI_API_KEY") is { Length: > 0 }) return; // a machine with a key
        var status = await engine.CheckAsync(CancellationToken.None);
        Assert.False(status.Available);
        Assert.Contains("OPENAI_API_KEY", status.InstallHint);
    }

    public void Dispose() => _fixtures.Dispose();
}
