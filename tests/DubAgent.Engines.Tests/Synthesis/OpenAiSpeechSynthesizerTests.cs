using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Media;
using DubAgent.Engines.Synthesis;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Tests.Synthesis;

/// <summary>
/// The openai engine against a local HTTP server answering as the API reference documents POST /audio/speech:
/// a JSON body (model, input, voice, response_format) and the audio file as the binary response body.
/// </summary>
public sealed class OpenAiSpeechSynthesizerTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<JsonDocument> _requests = [];
    private readonly List<string?> _authorizations = [];
    private readonly SynthesisTestKit _kit;
    private byte[] _wav;
    private int _status = 200;

    public OpenAiSpeechSynthesizerTests()
    {
        var port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = ServeAsync();
        _kit = new SynthesisTestKit(new Dictionary<string, string?>
        {
            ["OpenAI:Speech:BaseUrl"] = $"http://127.0.0.1:{port}/v1",
            ["OpenAI:Speech:ApiKey"] = "sk-test",
            ["OpenAI:Speech:Model"] = "kokoro",
            ["OpenAI:Speech:Voices"] = "af_bella, am_adam",
        });
        var path = _kit.PathOf("answer.wav");
        SynthesisTestKit.WriteTone(path, 24000, 0.05, 0.6, 0.05, 180);
        _wav = File.ReadAllBytes(path);
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            lock (_requests)
            {
                _requests.Add(JsonDocument.Parse(body));
                _authorizations.Add(context.Request.Headers["Authorization"]);
            }
            var response = context.Response;
            if (context.Request.HttpMethod != "POST" || context.Request.Url!.AbsolutePath != "/v1/audio/speech")
            {
                response.StatusCode = 404;
            }
            else if (_status != 200)
            {
                response.StatusCode = _status;
                response.ContentType = "application/json";
                var error = """{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","code":"invalid_api_key"}}"""u8.ToArray();
                await response.OutputStream.WriteAsync(error);
            }
            else
            {
                response.ContentType = "audio/wav";
                await response.OutputStream.WriteAsync(_wav);
            }
            response.Close();
        }
    }

    private OpenAiSpeechSynthesizer Engine => _kit.Services.GetRequiredService<OpenAiSpeechSynthesizer>();

    [Fact]
    public async Task Sends_the_documented_request_and_stores_the_wav_body()
    {
        var output = _kit.PathOf("clip.wav");
        await Engine.SynthesizeAsync(new SpeechRequest("Hola, ¿qué tal?", "es", "af_bella", output), new EngineContext { WorkDirectory = _kit.Directory });

        // The SDK may retry a request on a transient network error; every attempt must be the same documented request.
        Assert.NotEmpty(_requests);
        Assert.All(_requests, r => Assert.Equal(_requests[0].RootElement.GetRawText(), r.RootElement.GetRawText()));
        var request = _requests[^1].RootElement;
        Assert.Equal("kokoro", request.GetProperty("model").GetString());
        Assert.Equal("Hola, ¿qué tal?", request.GetProperty("input").GetString());
        Assert.Equal("af_bella", request.GetProperty("voice").GetString());
        Assert.Equal("wav", request.GetProperty("response_format").GetString());
        Assert.All(_authorizations, a => Assert.Equal("Bearer sk-test", a));
        Assert.Equal(_wav, File.ReadAllBytes(output));
    }

    [Fact]
    public async Task Lists_the_configured_voices_and_reports_ready_for_a_local_endpoint()
    {
        var voices = await Engine.ListVoicesAsync(CancellationToken.None);
        Assert.Equal(["af_bella", "am_adam"], voices.Select(v => v.Name));
        var status = await Engine.CheckAsync(CancellationToken.None);
        Assert.True(status.Available);
        Assert.Equal(4, ((ISynthesizer)Engine).MaxConcurrency);
    }

    [Fact]
    public async Task Text_over_the_api_limit_is_sent_in_parts_and_joined()
    {
        var text = string.Concat(Enumerable.Repeat("Una frase de prueba para el límite. ", 140));
        Assert.True(text.Length > 4096);
        var output = _kit.PathOf("long.wav");
        await Engine.SynthesizeAsync(new SpeechRequest(text, "es", "am_adam", output), new EngineContext { WorkDirectory = _kit.Directory });
        Assert.Equal(2, _requests.Select(r => r.RootElement.GetProperty("input").GetString()).Distinct().Count());
        Assert.All(_requests, r => Assert.True(r.RootElement.GetProperty("input").GetString()!.Length <= 4096));
        using var joined = new WavReader(output);
        using var one = new WavReader(_kit.PathOf("answer.wav"));
        Assert.Equal(2 * one.FrameCount, joined.FrameCount);
        Assert.Empty(Directory.GetFiles(_kit.Directory, ".openai-*"));
    }

    [Fact]
    public async Task A_server_that_ignores_response_format_and_sends_mp3_is_converted_to_wav()
    {
        var mp3 = _kit.PathOf("answer.mp3");
        var process = System.Diagnostics.Process.Start("ffmpeg", ["-v", "error", "-y", "-i", _kit.PathOf("answer.wav"), "-c:a", "libmp3lame", mp3])!;
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        _wav = File.ReadAllBytes(mp3);
        var output = _kit.PathOf("from-mp3.wav");
        await Engine.SynthesizeAsync(new SpeechRequest("Hola", "es", "af_bella", output), new EngineContext { WorkDirectory = _kit.Directory });
        using var reader = new WavReader(output);
        Assert.InRange(reader.Duration, 0.65, 0.8);
        Assert.Empty(Directory.GetFiles(_kit.Directory, ".openai-*"));
    }

    [Fact]
    public async Task A_refused_key_is_an_engine_failure_that_says_to_check_the_key()
    {
        _status = 401;
        var output = _kit.PathOf("refused.wav");
        var error = await Assert.ThrowsAsync<EngineFailedException>(() =>
            Engine.SynthesizeAsync(new SpeechRequest("Hola", "es", "af_bella", output), new EngineContext { WorkDirectory = _kit.Directory }));
        Assert.True(error.Message.Contains("401") && error.Hint!.Contains("API key"), $"{error.Message} / {error.Hint} / {error.InnerException}");
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Without_a_key_api_openai_com_is_missing_with_the_fix()
    {
        using var kit = new SynthesisTestKit(new Dictionary<string, string?> { ["OpenAI:Speech:BaseUrl"] = "https://api.openai.com/v1" });
        if (Environment.GetEnvironmentVariable("OPENAI_API_KEY") is { Length: > 0 }) return; // a real key on this machine makes it available
        var status = await kit.Services.GetRequiredService<OpenAiSpeechSynthesizer>().CheckAsync(CancellationToken.None);
        Assert.False(status.Available);
        Assert.Contains("OPENAI_API_KEY", status.InstallHint);
    }

    public void Dispose()
    {
        // Close alone: after Stop, Close re-resolves the prefix and binds the port again, which fails when another
        // test process has taken it meanwhile (\"Address already in use\").
        _listener.Close();
        _kit.Dispose();
    }
}
