using System.Text.Json;
using DubAgent.Cli.Tests.Support;
using DubAgent.Engines.Tests.Synthesis.ElevenLabs;

namespace DubAgent.Cli.Tests.Voices;

/// <summary>
/// Cloning end to end against a local server that follows ElevenLabs' documented API: `voices create --engine
/// elevenlabs` with consent clones the voice and records it, a dub with `voice_library: match` recognises the person
/// and speaks their lines with the cloned voice id, and `voices delete` removes the clone at ElevenLabs too.
/// </summary>
public sealed class CloneEndToEndTests : IDisposable
{
    private const string Key = "xi-test-key";
    private readonly TempFolder _temp = new();
    private readonly ElevenLabsContractServer _server = new(Key);

    public void Dispose()
    {
        _server.Dispose();
        _temp.Dispose();
    }

    private static string Jfk
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "DubAgent.sln"))) folder = folder.Parent;
            return Path.GetFullPath(Path.Combine(folder!.FullName, "..", "shared", "data", "jfk", "jfk.wav"));
        }
    }

    private string[] Config => ConfigWith(Key);

    private string[] ConfigWith(string key) =>
    [
        "--config", $"Voices:Directory={_temp["voices"]}", "--config", $"ElevenLabs:ApiKey={key}",
        "--config", $"ElevenLabs:BaseUrl={_server.BaseUrl}", "--config", "ElevenLabs:OutputFormat=pcm_16000",
    ];

    private string Translation()
    {
        var path = _temp["translation.json"];
        File.WriteAllText(path, """
            { "source_language": "en", "target_language": "es", "num_speakers": 1, "total_duration": 11.0,
              "segments": [
                { "id": "seg_0001", "speaker": "SPEAKER_00", "start": 0.3, "end": 5.0, "text": "And so, my fellow Americans,", "target_text": "Y así, compatriotas americanos," },
                { "id": "seg_0002", "speaker": "SPEAKER_00", "start": 5.5, "end": 10.5, "text": "ask not what your country can do for you", "target_text": "no preguntéis qué puede hacer vuestro país por vosotros" } ] }
            """);
        return path;
    }

    private string Recipe()
    {
        var path = _temp["cloned-dub.yaml"];
        File.WriteAllText(path, """
            name: cloned-dub
            inputs:
              translation: { type: file, required: true }
              audio: { type: file, required: true }
            steps:
              - id: synthesize
                tool: synthesize
                with:
                  translation: ${{ inputs.translation }}
                  audio: ${{ inputs.audio }}
                  engine: elevenlabs
                  language: es
                  voice_library: match
            """);
        return path;
    }

    [Fact]
    public async Task Create_with_consent_clones_then_a_dub_speaks_the_recognised_person_with_the_cloned_voice()
    {
        var created = await CliRun.InProcessAsync(["voices", "create", "JFK", "--sample", Jfk, "--engine", "elevenlabs",
            "--consent", "I agree that my voice may be cloned to dub this speech.", "--json", .. Config]);
        Assert.True(created.ExitCode == 0, created.Stderr);
        var actor = JsonDocument.Parse(created.Stdout).RootElement;
        Assert.Equal("JFK", Assert.Single(_server.Added).Name);
        var voiceId = Assert.Single(_server.VoiceIds, v => v != ElevenLabsContractServer.PremadeVoice);
        var cloned = actor.GetProperty("cloned_voices")[0];
        Assert.Equal(("elevenlabs", voiceId), (cloned.GetProperty("engine").GetString(), cloned.GetProperty("voice_id").GetString()));
        Assert.Equal("JFK", cloned.GetProperty("consented_by").GetString());
        Assert.Contains("I agree that my voice may be cloned to dub this speech.", created.Stdout);

        var run = await CliRun.InProcessAsync(["run", Recipe(), "--input", $"translation={Translation()}", "--input", $"audio={Jfk}",
            "--out", _temp["job"], .. Config]);
        Assert.True(run.ExitCode == 0, run.Stderr);

        Assert.Equal(2, _server.Spoken.Count);
        Assert.All(_server.Spoken, s => Assert.Equal(voiceId, s.VoiceId));
        var placements = JsonDocument.Parse(File.ReadAllText(Path.Combine(_temp["job"], "synthesize", "placements.json"))).RootElement;
        var cast = placements.GetProperty("cast")[0];
        Assert.Equal(("JFK", "matched", "cloned", voiceId), (cast.GetProperty("actor").GetString(), cast.GetProperty("actor_match").GetString(),
            cast.GetProperty("library_voice").GetString(), cast.GetProperty("voice").GetString()));
        Assert.True(File.Exists(Path.Combine(_temp["job"], "synthesize", "voice.wav")));

        var deleted = await CliRun.InProcessAsync(["voices", "delete", "JFK", .. Config]);
        Assert.True(deleted.ExitCode == 0, deleted.Stderr);
        Assert.Contains($"elevenlabs:{voiceId}", deleted.Stdout);
        Assert.Equal([voiceId], _server.Deleted);
    }

    [Fact]
    public async Task Cloning_without_consent_is_refused_with_exit_2_before_anything_reaches_elevenlabs()
    {
        var refused = await CliRun.InProcessAsync(["voices", "create", "JFK", "--sample", Jfk, "--engine", "elevenlabs", .. Config]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--consent", refused.Stderr);
        Assert.Empty(_server.Added);
    }

    [Fact]
    public async Task A_refused_key_fails_the_clone_with_the_fix_and_leaves_no_actor()
    {
        var refused = await CliRun.InProcessAsync(["voices", "create", "JFK", "--sample", Jfk, "--engine", "elevenlabs", "--consent", "I agree.",
            .. ConfigWith("wrong")]);

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("invalid_api_key", refused.Stderr);
        Assert.Contains("DUBAGENT_ELEVENLABS__APIKEY", refused.Stderr);
        var list = await CliRun.InProcessAsync(["voices", "list", "--json", .. Config]);
        Assert.Equal(0, JsonDocument.Parse(list.Stdout).RootElement.GetProperty("count").GetInt32());
    }
}
