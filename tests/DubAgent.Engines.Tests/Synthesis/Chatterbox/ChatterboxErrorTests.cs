using DubAgent.Abstractions.Errors;
using DubAgent.Engines.Synthesis.Chatterbox;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Tests.Synthesis.Chatterbox;

/// <summary>Each documented error answer of the Chatterbox TTS API, and the server's health, as DubAgent reports them.</summary>
public sealed class ChatterboxErrorTests : IDisposable
{
    private readonly ChatterboxTestBench _bench = new();

    public void Dispose() => _bench.Dispose();

    [Theory]
    [InlineData(400, """{"error":{"message":"Input text too long. Maximum 3000 characters allowed.","type":"invalid_request_error"}}""", "Input text too long", "MAX_TOTAL_LENGTH")]
    [InlineData(404, """{"error":{"message":"Voice 'narrator' not found","type":"voice_not_found_error"}}""", "voice_not_found_error", "dubagent voices engine chatterbox")]
    [InlineData(404, """{"detail":"Not Found"}""", "Not Found", "Chatterbox:BaseUrl")]
    [InlineData(409, """{"error":{"message":"Voice 'narrator' already exists","type":"voice_exists_error"}}""", "voice_exists_error", "never overwrites")]
    [InlineData(413, """<html>413 Request Entity Too Large</html>""", "413", "10 MB")]
    [InlineData(422, """{"detail":[{"type":"greater_equal","loc":["body","exaggeration"],"msg":"Input should be greater than or equal to 0.25","input":0.1}]}""", "body.exaggeration", "Chatterbox:Exaggeration")]
    [InlineData(429, """{"error":{"message":"Too many requests","type":"rate_limit"}}""", "Too many requests", "Chatterbox:MaxConcurrency")]
    [InlineData(500, """{"error":{"message":"Model not loaded","type":"model_error"}}""", "model_error", "/health")]
    [InlineData(500, """{"error":{"message":"TTS generation failed: CUDA error","type":"generation_error"}}""", "generation_error", "docker logs chatterbox-tts-api")]
    [InlineData(503, """{"error":{"message":"Service Unavailable","type":"unavailable"}}""", "503", "not loaded yet")]
    public async Task Error_answers_become_failures_that_name_the_cause_and_the_fix(int status, string body, string cause, string fix)
    {
        _bench.Server.AddVoice("narrator", "en", ChatterboxContractServer.Wav(10));
        await _bench.Engine.ListVoicesAsync(default); // the speech request is the next call
        _bench.Server.FailNext(status, body);

        var error = await Assert.ThrowsAsync<EngineFailedException>(() => _bench.SpeakAsync("Hello", "en", "narrator", "refused.wav"));

        Assert.Contains($"answered {status}", error.Message);
        Assert.Contains(cause, error.Message);
        Assert.Contains(fix, error.Hint);
        Assert.False(File.Exists(_bench.Kit.PathOf("refused.wav")));
        Assert.Empty(Directory.GetFiles(_bench.Kit.Directory, ".*"));
    }

    [Fact]
    public async Task Settings_outside_the_apis_ranges_are_refused_by_the_server_with_the_setting_to_fix()
    {
        using var bench = new ChatterboxTestBench(settings: new Dictionary<string, string?> { ["Chatterbox:CfgWeight"] = "1.5" });
        bench.Server.AddVoice("narrator", "en", ChatterboxContractServer.Wav(10));

        var error = await Assert.ThrowsAsync<EngineFailedException>(() => bench.SpeakAsync("Hello", "en", "narrator", "x.wav"));

        Assert.Contains("422", error.Message);
        Assert.Contains("body.cfg_weight", error.Message);
        Assert.Contains("Chatterbox:CfgWeight", error.Hint);
    }

    [Fact]
    public async Task A_language_the_english_model_cannot_speak_is_reported_with_the_multilingual_fix()
    {
        using var bench = new ChatterboxTestBench(multilingual: false);
        var id = await bench.CloneAnaAsync();

        var error = await Assert.ThrowsAsync<EngineFailedException>(() => bench.SpeakAsync("Hola", "es", id, "es.wav"));

        Assert.Contains("Only English", error.Message);
        Assert.Contains("USE_MULTILINGUAL_MODEL", error.Hint);
        Assert.Empty(bench.Server.Spoken);
    }

    [Fact]
    public async Task The_engine_is_available_only_while_the_health_check_says_healthy()
    {
        Assert.True((await _bench.Engine.CheckAsync(default)).Available);

        _bench.Server.State = "initializing";
        var loading = await _bench.Engine.CheckAsync(default);
        Assert.False(loading.Available);
        Assert.Contains("still loading", loading.Detail);
        Assert.Contains("/health", loading.InstallHint);

        _bench.Server.State = "error";
        var failed = await _bench.Engine.CheckAsync(default);
        Assert.False(failed.Available);
        Assert.Contains("CUDA out of memory", failed.Detail);
    }

    [Fact]
    public async Task No_server_means_unavailable_with_where_it_looked_and_how_to_start_one()
    {
        var gone = new ChatterboxContractServer();
        var url = gone.BaseUrl;
        gone.Dispose(); // nothing listens there any more
        using var kit = new SynthesisTestKit(new Dictionary<string, string?> { ["Chatterbox:BaseUrl"] = url });
        var engine = kit.Services.GetRequiredService<ChatterboxSynthesizer>();

        var status = await engine.CheckAsync(default);

        Assert.False(status.Available);
        Assert.Contains(url, status.Detail);
        Assert.Contains("docker compose -f docker/docker-compose.yml up -d", status.InstallHint);
        Assert.Contains("https://github.com/travisvn/chatterbox-tts-api", status.InstallHint);
        var error = await Assert.ThrowsAsync<EngineFailedException>(() =>
            engine.CloneAsync("Ana", [_bench.Sample("a.wav")], ChatterboxTestBench.Consent, default));
        Assert.Contains(url, error.Message);
        Assert.Contains("DUBAGENT_CHATTERBOX__BASEURL", error.Hint);
    }

    [Fact]
    public void The_default_address_is_the_one_the_projects_readme_serves_on()
    {
        using var kit = new SynthesisTestKit();
        Assert.Equal("http://localhost:4123", ChatterboxOptions.From(kit.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()).BaseUrl);
    }
}
