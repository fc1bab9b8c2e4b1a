using System.Text.Json;
using DubAgent.Cli.Tests.Support;
using DubAgent.Engines.Tests.Synthesis.Chatterbox;

namespace DubAgent.Cli.Tests.Voices;

/// <summary>
/// Cloning end to end against a local server that follows the Chatterbox TTS API's documented contract: `voices create
/// --engine chatterbox` with consent uploads the reference and records the voice, a Spanish dub with `voice_library:
/// match` recognises the person and speaks their lines with the clone (through its Spanish copy), still fitted by the
/// timing fitter, and `voices delete` removes the clone and its copy from the server.
/// </summary>
public sealed class ChatterboxCloneEndToEndTests : IDisposable
{
    private const string Consent = "I agree that my voice may be cloned to dub this speech.";
    private readonly TempFolder _temp = new();
    private readonly ChatterboxContractServer _server = new();

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

    private string[] Config => ConfigAt(_server.BaseUrl);

    private string[] ConfigAt(string url) => ["--config", $"Voices:Directory={_temp["voices"]}", "--config", $"Chatterbox:BaseUrl={url}"];

    // The second line's slot (1.5 s, the next line right after) is shorter than the 60 ms a character the server speaks it in (3.3 s).
    private string Translation()
    {
        var path = _temp["translation.json"];
        File.WriteAllText(path, """
            { "source_language": "en", "target_language": "es", "num_speakers": 1, "total_duration": 11.0,
              "segments": [
                { "id": "seg_0001", "speaker": "SPEAKER_00", "start": 0.3, "end": 5.0, "text": "And so, my fellow Americans,", "target_text": "Y así, compatriotas americanos," },
                { "id": "seg_0002", "speaker": "SPEAKER_00", "start": 5.5, "end": 7.0, "text": "ask not what your country can do for you", "target_text": "no preguntéis qué puede hacer vuestro país por vosotros" },
                { "id": "seg_0003", "speaker": "SPEAKER_00", "start": 7.1, "end": 10.5, "text": "ask what you can do", "target_text": "preguntad qué podéis hacer" } ] }
            """);
        return path;
    }

    private string Recipe()
    {
        var path = _temp["chatterbox-dub.yaml"];
        File.WriteAllText(path, """
            name: chatterbox-dub
            inputs:
              translation: { type: file, required: true }
              audio: { type: file, required: true }
            steps:
              - id: synthesize
                tool: synthesize
                with:
                  translation: ${{ inputs.translation }}
                  audio: ${{ inputs.audio }}
                  engine: chatterbox
                  language: es
                  voice_library: match
            """);
        return path;
    }

    [Fact]
    public async Task Create_with_consent_clones_then_a_dub_speaks_the_recognised_person_with_the_clone_through_the_timing_fitter()
    {
        var created = await CliRun.InProcessAsync(["voices", "create", "JFK", "--sample", Jfk, "--engine", "chatterbox", "--consent", Consent, "--json", .. Config]);
        Assert.True(created.ExitCode == 0, created.Stderr);
        var upload = Assert.Single(_server.Uploaded);
        Assert.Matches("^jfk-[0-9a-f]{8}$", upload.Name);
        Assert.Equal("en", upload.Language);
        var cloned = JsonDocument.Parse(created.Stdout).RootElement.GetProperty("cloned_voices")[0];
        Assert.Equal(("chatterbox", upload.Name, "JFK"), (cloned.GetProperty("engine").GetString(), cloned.GetProperty("voice_id").GetString(),
            cloned.GetProperty("consented_by").GetString()));
        Assert.Contains(Consent, created.Stdout);

        var listedBefore = _server.Listed;
        var run = await CliRun.InProcessAsync(["run", Recipe(), "--input", $"translation={Translation()}", "--input", $"audio={Jfk}", "--out", _temp["job"], .. Config]);
        Assert.True(run.ExitCode == 0, run.Stderr);

        Assert.Equal(3, _server.Spoken.Count);
        Assert.All(_server.Spoken, s => Assert.Equal(($"{upload.Name}--es", "es"), (s.Voice, s.Language)));
        Assert.Equal(listedBefore + 1, _server.Listed); // once for the whole step: preflight, reach, casting and every line
        var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(_temp["job"], "synthesize", "placements.json"))).RootElement;
        Assert.Equal("chatterbox", document.GetProperty("engine").GetString());
        var cast = document.GetProperty("cast")[0];
        Assert.Equal(("JFK", "matched", "cloned", upload.Name), (cast.GetProperty("actor").GetString(), cast.GetProperty("actor_match").GetString(),
            cast.GetProperty("library_voice").GetString(), cast.GetProperty("voice").GetString()));
        var tight = document.GetProperty("placements")[1];
        Assert.InRange(tight.GetProperty("clip_seconds").GetDouble(), 3.0, 3.6);
        Assert.True(tight.GetProperty("stretch_ratio").GetDouble() > 1, "the fitter compresses the long clip");
        Assert.True(tight.GetProperty("fitted_seconds").GetDouble() < tight.GetProperty("clip_seconds").GetDouble());
        Assert.True(File.Exists(Path.Combine(_temp["job"], "synthesize", "voice.wav")));

        var listed = await CliRun.InProcessAsync(["voices", "engine", "chatterbox", "--json", .. Config]);
        Assert.True(listed.ExitCode == 0, listed.Stderr);
        Assert.Equal([upload.Name], JsonDocument.Parse(listed.Stdout).RootElement.GetProperty("voices").EnumerateArray()
            .Select(v => v.GetProperty("name").GetString())); // the Spanish copy is DubAgent's own, not listed

        var deleted = await CliRun.InProcessAsync(["voices", "delete", "JFK", .. Config]);
        Assert.True(deleted.ExitCode == 0, deleted.Stderr);
        Assert.Contains($"chatterbox:{upload.Name}", deleted.Stdout);
        Assert.Equal([$"{upload.Name}--es", upload.Name], _server.Deleted);
        Assert.Empty(_server.VoiceNames);
    }

    [Fact]
    public async Task Cloning_without_consent_is_refused_with_exit_2_before_any_request()
    {
        var refused = await CliRun.InProcessAsync(["voices", "create", "JFK", "--sample", Jfk, "--engine", "chatterbox", .. Config]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--consent", refused.Stderr);
        Assert.Empty(_server.Uploaded);
        Assert.Equal(0, _server.Listed);
    }

    [Fact]
    public async Task Without_a_server_the_clone_is_refused_with_how_to_start_one_and_no_actor_is_left()
    {
        var gone = new ChatterboxContractServer();
        var url = gone.BaseUrl;
        gone.Dispose();

        var refused = await CliRun.InProcessAsync(["voices", "create", "JFK", "--sample", Jfk, "--engine", "chatterbox", "--consent", Consent, .. ConfigAt(url)]);

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains(url, refused.Stderr);
        Assert.Contains("docker compose -f docker/docker-compose.yml up -d", refused.Stderr);
        var list = await CliRun.InProcessAsync(["voices", "list", "--json", .. ConfigAt(url)]);
        Assert.Equal(0, JsonDocument.Parse(list.Stdout).RootElement.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Doctor_lists_chatterbox_ready_while_the_server_answers_and_unavailable_with_the_start_command_otherwise()
    {
        var ready = await ChatterboxInDoctorAsync(Config);
        Assert.True(ready.GetProperty("available").GetBoolean());

        _server.State = "initializing";
        var loading = await ChatterboxInDoctorAsync(Config);
        Assert.False(loading.GetProperty("available").GetBoolean());

        var gone = new ChatterboxContractServer();
        var url = gone.BaseUrl;
        gone.Dispose();
        var missing = await ChatterboxInDoctorAsync(ConfigAt(url));
        Assert.False(missing.GetProperty("available").GetBoolean());
        Assert.Contains("docker compose -f docker/docker-compose.yml up -d", missing.GetProperty("install").GetString());
    }

    private static async Task<JsonElement> ChatterboxInDoctorAsync(string[] config)
    {
        var run = await CliRun.InProcessAsync(["doctor", "--json", .. config]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        var settings = root.GetProperty("settings");
        Assert.Equal(config[^1]["Chatterbox:BaseUrl=".Length..], settings.GetProperty("Chatterbox:BaseUrl").GetString());
        Assert.Equal("1", settings.GetProperty("Chatterbox:MaxConcurrency").GetString());
        return root.GetProperty("engines").EnumerateArray()
            .Single(e => e.GetProperty("capability").GetString() == "synthesize" && e.GetProperty("name").GetString() == "chatterbox").Clone();
    }
}
