using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Voices;
using DubAgent.Core.Media;
using DubAgent.Engines.Synthesis.ElevenLabs;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Tests.Synthesis.ElevenLabs;

/// <summary>The elevenlabs engine against a local server that follows ElevenLabs' documented voice and speech API.</summary>
public sealed class ElevenLabsSynthesizerTests : IDisposable
{
    private const string Key = "xi-test-key";
    private readonly ElevenLabsContractServer _server = new(Key);
    private readonly SynthesisTestKit _kit;

    public ElevenLabsSynthesizerTests()
    {
        _kit = new SynthesisTestKit(new Dictionary<string, string?>
        {
            ["ElevenLabs:ApiKey"] = Key,
            ["ElevenLabs:BaseUrl"] = _server.BaseUrl,
            ["ElevenLabs:OutputFormat"] = "pcm_22050",
        });
    }

    public void Dispose()
    {
        _server.Dispose();
        _kit.Dispose();
    }

    private ElevenLabsSynthesizer Engine => _kit.Services.GetRequiredService<ElevenLabsSynthesizer>();

    private EngineContext Context => new() { WorkDirectory = _kit.Directory };

    private static ConsentRecord Consent => new("Ana Torres", "I, Ana Torres, agree that my voice may be cloned.", DateTimeOffset.Parse("2026-11-30T10:00:00Z"), ["ab"]);

    private string Sample(string name)
    {
        var path = _kit.PathOf(name);
        SynthesisTestKit.WriteTone(path, 16000, 0.1, 1.0, 0.1);
        return path;
    }

    [Fact]
    public async Task Cloning_uploads_name_and_every_sample_and_returns_the_voice_id_the_engine_then_speaks_with()
    {
        var id = await Engine.CloneAsync("Ana Torres", [Sample("ana-1.wav"), Sample("ana-2.wav")], Consent, default);

        var added = Assert.Single(_server.Added);
        Assert.Equal("Ana Torres", added.Name);
        Assert.Equal(["ana-1.wav", "ana-2.wav"], added.Files.Select(f => f.FileName));
        Assert.All(added.Files, f => Assert.Equal(new FileInfo(_kit.PathOf(f.FileName)).Length, f.Bytes));
        Assert.Contains("Ana Torres", added.Description);
        Assert.Contains("2026-11-30", added.Description);
        Assert.Contains(id, (await Engine.ListVoicesAsync(default)).Select(v => v.Name));

        var clip = _kit.PathOf("line.wav");
        await Engine.SynthesizeAsync(new SpeechRequest("Hola, ¿qué tal?", "es", id, clip), Context);

        var spoken = Assert.Single(_server.Spoken);
        Assert.Equal(id, spoken.VoiceId);
        Assert.Equal("pcm_22050", spoken.OutputFormat);
        Assert.Equal("Hola, ¿qué tal?", spoken.Body["text"]!.GetValue<string>());
        Assert.Equal("eleven_multilingual_v2", spoken.Body["model_id"]!.GetValue<string>());
        Assert.Null(spoken.Body["voice_settings"]);
        using var wav = new WavReader(clip);
        Assert.Equal(22050, wav.Format.SampleRate);
        Assert.Equal(1, wav.Format.Channels);
        Assert.InRange(wav.Duration, 0.06 * 15 - 0.01, 0.06 * 15 + 0.01);
    }

    [Fact]
    public async Task A_rate_is_sent_as_voice_settings_speed_within_the_documented_range()
    {
        await Engine.SynthesizeAsync(new SpeechRequest("Hola", "es", ElevenLabsContractServer.PremadeVoice, _kit.PathOf("fast.wav"),
            new Dictionary<string, string> { ["rate"] = "1.1" }), Context);
        await Engine.SynthesizeAsync(new SpeechRequest("Hola", "es", ElevenLabsContractServer.PremadeVoice, _kit.PathOf("too-fast.wav"),
            new Dictionary<string, string> { ["rate"] = "1.6" }), Context);

        Assert.Equal(1.1, _server.Spoken[0].Body["voice_settings"]!["speed"]!.GetValue<double>(), 6);
        Assert.Equal(1.2, _server.Spoken[1].Body["voice_settings"]!["speed"]!.GetValue<double>(), 6);
    }

    [Fact]
    public async Task Deleting_a_cloned_voice_removes_it_at_elevenlabs()
    {
        var id = await Engine.CloneAsync("Ana", [Sample("ana.wav")], Consent, default);
        await ((IVoiceCloner)Engine).DeleteClonedVoiceAsync(id, default);
        Assert.Equal([id], _server.Deleted);
        Assert.DoesNotContain(id, _server.VoiceIds);
    }

    [Fact]
    public async Task The_voice_list_is_asked_for_once_while_fresh_and_again_after_a_clone_or_a_delete()
    {
        var first = await Engine.ListVoicesAsync(default);
        var again = await Engine.ListVoicesAsync(default);
        Assert.Same(first, again);
        Assert.Equal(1, _server.Listed);

        var id = await Engine.CloneAsync("Ana", [Sample("ana.wav")], Consent, default);
        Assert.Contains(id, (await Engine.ListVoicesAsync(default)).Select(v => v.Name));
        Assert.Equal(2, _server.Listed);

        await ((IVoiceCloner)Engine).DeleteClonedVoiceAsync(id, default);
        Assert.DoesNotContain(id, (await Engine.ListVoicesAsync(default)).Select(v => v.Name));
        Assert.Equal(3, _server.Listed);
    }

    [Theory]
    [InlineData(401, """{"detail":{"status":"invalid_api_key","message":"Invalid API key"}}""", "invalid_api_key", "DUBAGENT_ELEVENLABS__APIKEY")]
    [InlineData(429, """{"detail":{"status":"too_many_concurrent_requests","message":"Too many concurrent requests."}}""", "too_many_concurrent_requests", "ElevenLabs:MaxConcurrency")]
    [InlineData(429, """{"detail":{"status":"system_busy","message":"The system is busy."}}""", "system_busy", "try again")]
    [InlineData(422, """{"detail":[{"loc":["body","model_id"],"msg":"Input should be a valid string","type":"string_type"}]}""", "body.model_id", "ElevenLabs:Model")]
    [InlineData(400, """{"detail":{"status":"quota_exceeded","message":"This request exceeds your quota."}}""", "quota_exceeded", "credits")]
    public async Task Error_answers_become_failures_that_name_the_cause_and_the_fix(int status, string body, string cause, string fix)
    {
        _server.FailNext(status, body);
        var clip = _kit.PathOf("refused.wav");
        var error = await Assert.ThrowsAsync<EngineFailedException>(() =>
            Engine.SynthesizeAsync(new SpeechRequest("Hola", "es", ElevenLabsContractServer.PremadeVoice, clip), Context));

        Assert.Contains(status.ToString(), error.Message);
        Assert.Contains(cause, error.Message);
        Assert.Contains(fix, error.Hint);
        Assert.False(File.Exists(clip));
    }

    [Fact]
    public async Task A_wrong_key_and_an_unknown_voice_are_reported_as_the_server_answers_them()
    {
        using var kit = new SynthesisTestKit(new Dictionary<string, string?> { ["ElevenLabs:ApiKey"] = "wrong", ["ElevenLabs:BaseUrl"] = _server.BaseUrl });
        var wrongKey = await Assert.ThrowsAsync<EngineFailedException>(() =>
            kit.Services.GetRequiredService<ElevenLabsSynthesizer>().CloneAsync("Ana", [Sample("a.wav")], Consent, default));
        Assert.Contains("401", wrongKey.Message);
        Assert.Contains("api-keys", wrongKey.Hint);

        var unknown = await Assert.ThrowsAsync<EngineFailedException>(() =>
            Engine.SynthesizeAsync(new SpeechRequest("Hola", "es", "nobody", _kit.PathOf("x.wav")), Context));
        Assert.Contains("voice_not_found", unknown.Message);
        Assert.Contains("dubagent voices engine elevenlabs", unknown.Hint);
    }

    [Fact]
    public async Task Without_a_key_the_engine_is_unavailable_and_says_how_to_get_one()
    {
        if (Environment.GetEnvironmentVariable("ELEVENLABS_API_KEY") is { Length: > 0 }) return; // a real key on this machine makes it available
        using var kit = new SynthesisTestKit(new Dictionary<string, string?> { ["ElevenLabs:BaseUrl"] = _server.BaseUrl });
        var engine = kit.Services.GetRequiredService<ElevenLabsSynthesizer>();

        var status = await engine.CheckAsync(default);
        Assert.False(status.Available);
        Assert.Contains("API key", status.Detail);
        Assert.Contains("https://elevenlabs.io/app/settings/api-keys", status.InstallHint);
        Assert.Contains("DUBAGENT_ELEVENLABS__APIKEY", status.InstallHint);
        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => engine.CloneAsync("Ana", [Sample("b.wav")], Consent, default));
        Assert.Contains("DUBAGENT_ELEVENLABS__APIKEY", error.Hint);
        Assert.Empty(_server.Added);
    }
}
