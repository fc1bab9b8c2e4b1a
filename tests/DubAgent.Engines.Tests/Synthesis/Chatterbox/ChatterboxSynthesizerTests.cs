using System.Text.RegularExpressions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Voices;
using DubAgent.Core.Media;
using DubAgent.Engines.Synthesis.Chatterbox;

namespace DubAgent.Engines.Tests.Synthesis.Chatterbox;

/// <summary>The chatterbox engine against a local server that follows the Chatterbox TTS API's documented contract.</summary>
public sealed class ChatterboxSynthesizerTests : IDisposable
{
    private readonly ChatterboxTestBench _bench = new();

    private ChatterboxContractServer Server => _bench.Server;

    public void Dispose() => _bench.Dispose();

    [Fact]
    public async Task Cloning_uploads_one_joined_reference_under_a_safe_unique_name_and_speaking_names_that_voice()
    {
        var id = await _bench.CloneAnaAsync();

        Assert.Matches("^ana-torres-[0-9a-f]{8}$", id);
        var upload = Assert.Single(Server.Uploaded);
        Assert.Equal((id, "en", "reference.wav"), (upload.Name, upload.Language, upload.FileName));
        var reference = _bench.Kit.PathOf("uploaded.wav");
        await File.WriteAllBytesAsync(reference, upload.Data);
        using (var wav = new WavReader(reference))
        {
            Assert.Equal((24000, 1), (wav.Format.SampleRate, wav.Format.Channels));
            Assert.InRange(wav.Duration, 1.2 + 0.25 + 1.2 - 0.02, 1.2 + 0.25 + 1.2 + 0.02); // both samples and the pause between
        }
        Assert.Contains(id, (await _bench.Engine.ListVoicesAsync(default)).Select(v => v.Name));

        await _bench.SpeakAsync("Hello there, how are you?", "en", id, "line.wav");

        var spoken = Assert.Single(Server.Spoken);
        Assert.Equal((id, "en"), (spoken.Voice, spoken.Language));
        Assert.Equal("Hello there, how are you?", spoken.Body["input"]!.GetValue<string>());
        Assert.Equal(id, spoken.Body["voice"]!.GetValue<string>());
        Assert.Null(spoken.Body["exaggeration"]);
        using var clip = new WavReader(_bench.Kit.PathOf("line.wav"));
        Assert.Equal(24000, clip.Format.SampleRate);
        Assert.InRange(clip.Duration, 0.06 * 25 - 0.01, 0.06 * 25 + 0.01);
        Assert.Empty(Directory.GetFiles(_bench.Kit.Directory, ".chatterbox-*"));
    }

    [Fact]
    public async Task The_generation_settings_are_sent_with_every_line()
    {
        using var bench = new ChatterboxTestBench(settings: new Dictionary<string, string?>
        {
            ["Chatterbox:Exaggeration"] = "0.7", ["Chatterbox:CfgWeight"] = "0.3", ["Chatterbox:Temperature"] = "0.9",
        });
        bench.Server.AddVoice("narrator", "en", ChatterboxContractServer.Wav(50));
        await bench.SpeakAsync("Hello", "en", "narrator", "a.wav");

        var body = Assert.Single(bench.Server.Spoken).Body;
        Assert.Equal((0.7, 0.3, 0.9), (body["exaggeration"]!.GetValue<double>(), body["cfg_weight"]!.GetValue<double>(), body["temperature"]!.GetValue<double>()));
    }

    [Fact]
    public async Task Another_language_speaks_through_one_copy_of_the_reference_stored_with_that_language()
    {
        var id = await _bench.CloneAnaAsync();
        await _bench.SpeakAsync("Hola, ¿qué tal?", "es", id, "es-1.wav");
        await _bench.SpeakAsync("Muy bien, gracias.", "es-MX", id, "es-2.wav");

        Assert.Equal(2, Server.Uploaded.Count);
        var copy = Server.Uploaded[1];
        Assert.Equal(($"{id}--es", "es"), (copy.Name, copy.Language));
        Assert.Equal(Server.Uploaded[0].Data, copy.Data);
        Assert.All(Server.Spoken, s => Assert.Equal(($"{id}--es", "es"), (s.Voice, s.Language)));
        Assert.DoesNotContain($"{id}--es", (await _bench.Engine.ListVoicesAsync(default)).Select(v => v.Name));
    }

    [Fact]
    public async Task A_voice_already_on_the_server_is_never_overwritten_and_two_clones_never_share_a_name()
    {
        var taken = ChatterboxVoiceNames.ForClone("Ana Torres", ChatterboxTestBench.Consent);
        var someoneElse = ChatterboxContractServer.Wav(10);
        Server.AddVoice(taken, "en", someoneElse);

        var id = await _bench.CloneAnaAsync();

        Assert.Equal($"{taken}-2", id);
        Assert.Contains(taken, Server.VoiceNames);
        Assert.DoesNotContain(Server.Uploaded, u => u.Name == taken);
        var other = ChatterboxVoiceNames.ForClone("Ana Torres", ChatterboxTestBench.Consent with { ConsentedBy = "Ana María Torres" });
        Assert.NotEqual(taken, other);
        Assert.Matches("^jose-maria-o-neill-[0-9a-f]{8}$", ChatterboxVoiceNames.ForClone("José María O'Neill", ChatterboxTestBench.Consent));
    }

    [Fact]
    public async Task A_name_taken_between_the_list_and_the_upload_is_left_alone_and_the_next_name_is_used()
    {
        Server.FailNext(409, """{"error":{"message":"Voice 'x' already exists","type":"voice_exists_error"}}""", "POST /v1/voices");

        var id = await _bench.CloneAnaAsync();

        Assert.Equal($"{ChatterboxVoiceNames.ForClone("Ana Torres", ChatterboxTestBench.Consent)}-2", id);
        Assert.Empty(Server.Deleted);
    }

    [Fact]
    public async Task A_clone_whose_answer_is_lost_is_recognised_by_its_file_when_the_client_sends_it_again()
    {
        Server.LoseNextUploadAnswer = true; // the client sends the upload again on a new connection: the server says 409

        var id = await _bench.CloneAnaAsync();

        Assert.Equal(ChatterboxVoiceNames.ForClone("Ana Torres", ChatterboxTestBench.Consent), id);
        Assert.Equal([id], Server.VoiceNames);
        Assert.Empty(Server.Deleted);
    }

    [Fact]
    public async Task A_clone_cancelled_while_the_server_makes_it_is_removed_from_the_server_again()
    {
        Server.DelayNextUploadAnswer = TimeSpan.FromSeconds(1);
        using var cancel = new CancellationTokenSource();
        var clone = _bench.Engine.CloneAsync("Ana Torres", [_bench.Sample("a.wav")], ChatterboxTestBench.Consent, cancel.Token);
        await Server.UploadHeld.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => clone);

        var made = Assert.Single(Server.Uploaded).Name;
        Assert.Equal([made], Server.Deleted);
        Assert.Empty(Server.VoiceNames);
    }

    [Fact]
    public async Task A_copy_name_taken_by_another_file_is_left_alone_and_reported()
    {
        var id = await _bench.CloneAnaAsync();
        Server.AddVoice($"{id}--fr", "fr", ChatterboxContractServer.Wav(10));

        var error = await Assert.ThrowsAsync<EngineFailedException>(() => _bench.SpeakAsync("Bonjour", "fr", id, "fr.wav"));

        Assert.Contains($"'{id}--fr'", error.Message);
        Assert.Contains("never overwrites", error.Hint);
        Assert.Empty(Server.Spoken);
        Assert.False(File.Exists(_bench.Kit.PathOf("fr.wav")));
    }

    [Fact]
    public async Task A_voice_missing_from_the_server_is_refused_before_the_server_could_speak_it_in_its_default_voice()
    {
        var error = await Assert.ThrowsAsync<EngineFailedException>(() => _bench.SpeakAsync("Hello", "en", "ana-torres-00000000", "x.wav"));

        Assert.Contains("default voice", error.Message);
        Assert.Contains("dubagent voices engine chatterbox", error.Hint);
        Assert.Empty(Server.Spoken);
    }

    [Fact]
    public async Task Deleting_a_clone_removes_it_and_its_language_copies_from_the_server()
    {
        var id = await _bench.CloneAnaAsync();
        await _bench.SpeakAsync("Hola", "es", id, "es.wav");
        Server.AddVoice("narrator", "en", ChatterboxContractServer.Wav(10));

        await ((IVoiceCloner)_bench.Engine).DeleteClonedVoiceAsync(id, default);

        Assert.Equal([$"{id}--es", id], Server.Deleted);
        Assert.Equal(["narrator"], Server.VoiceNames);
        var again = await Assert.ThrowsAsync<EngineFailedException>(() => ((IVoiceCloner)_bench.Engine).DeleteClonedVoiceAsync(id, default));
        Assert.Contains("voice_not_found_error", again.Message);
    }

    [Fact]
    public async Task The_voice_list_is_asked_for_once_for_many_lines()
    {
        Server.AddVoice("narrator", "en", ChatterboxContractServer.Wav(10));
        for (var i = 0; i < 4; i++) await _bench.SpeakAsync($"Line {i}", "en", "narrator", $"l{i}.wav");

        Assert.Equal(1, Server.Listed);
        Assert.Equal(4, Server.Spoken.Count);
    }

    [Fact]
    public async Task A_line_over_the_servers_text_limit_is_spoken_in_parts_and_joined()
    {
        Server.MaxTotalLength = 120;
        Server.AddVoice("narrator", "en", ChatterboxContractServer.Wav(10));
        Assert.True((await _bench.Engine.CheckAsync(default)).Available);
        var text = string.Join(' ', Enumerable.Repeat("This sentence is one of several in a long line.", 6));

        await _bench.SpeakAsync(text, "en", "narrator", "long.wav");

        Assert.True(Server.Spoken.Count >= 3);
        Assert.All(Server.Spoken, s => Assert.InRange(s.Body["input"]!.GetValue<string>().Length, 1, 120));
        var spokenChars = Server.Spoken.Sum(s => s.Body["input"]!.GetValue<string>().Length);
        using var clip = new WavReader(_bench.Kit.PathOf("long.wav"));
        Assert.InRange(clip.Duration, 0.06 * spokenChars - 0.02, 0.06 * spokenChars + 0.02);
    }

    [Fact]
    public async Task A_rate_is_applied_after_synthesis_since_the_api_ignores_speed()
    {
        Server.AddVoice("narrator", "en", ChatterboxContractServer.Wav(10));
        var text = new string('a', 50); // 3 s at the server's 60 ms a character

        await _bench.SpeakAsync(text, "en", "narrator", "fast.wav", new Dictionary<string, string> { ["rate"] = "1.25" });

        Assert.Null(Assert.Single(Server.Spoken).Body["speed"]);
        using var clip = new WavReader(_bench.Kit.PathOf("fast.wav"));
        Assert.InRange(clip.Duration, 3.0 / 1.25 - 0.08, 3.0 / 1.25 + 0.08);
    }

    [Fact]
    public void Language_tags_become_the_servers_codes()
    {
        Assert.Equal(["pt", "no", "es", "en"], new[] { "pt-BR", "nb", "es_ES", "EN" }.Select(ChatterboxVoiceNames.Language));
        Assert.True(ChatterboxVoiceNames.IsLanguageCopyOf("ana-1a2b3c4d--es", "ana-1a2b3c4d"));
        Assert.False(ChatterboxVoiceNames.IsLanguageCopyOf("ana-1a2b3c4d-2--es", "ana-1a2b3c4d"));
        Assert.Matches(new Regex("^voice-[0-9a-f]{8}$"), ChatterboxVoiceNames.ForClone("東京", ChatterboxTestBench.Consent));
    }
}
