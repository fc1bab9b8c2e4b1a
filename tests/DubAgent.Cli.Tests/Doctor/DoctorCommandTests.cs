using System.Text.Json;
using DubAgent.Cli.Doctor;
using DubAgent.Cli.Tests.Support;

namespace DubAgent.Cli.Tests.Doctor;

public sealed class DoctorCommandTests
{
    [Fact]
    public async Task Json_lists_every_program_with_version_or_install_command_and_masks_secrets()
    {
        Environment.SetEnvironmentVariable("DUBAGENT_DOCTORTEST__ACCESSTOKEN", "env-token-value");
        var run = await CliRun.InProcessAsync("doctor", "--json", "--config", "Llm:ApiKey=sk-secret-123", "--config", "Llm:Model=tiny-model");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("ok").GetBoolean());

        var programs = root.GetProperty("programs").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        foreach (var name in new[] { "ffmpeg", "ffprobe", "espeak-ng", "demucs", "whisper-cli", "piper" }) Assert.Contains(name, programs.Keys);
        var ffmpeg = programs["ffmpeg"];
        Assert.True(ffmpeg.GetProperty("found").GetBoolean());
        Assert.True(ffmpeg.GetProperty("required").GetBoolean());
        Assert.Matches(@"^\d+\.\d+", ffmpeg.GetProperty("version").GetString());
        Assert.All(programs.Values, p => Assert.False(string.IsNullOrEmpty(p.GetProperty("install").GetString())));

        Assert.Equal(JsonValueKind.Array, root.GetProperty("engines").ValueKind);
        Assert.All(root.GetProperty("engines").EnumerateArray(), e =>
        {
            Assert.False(string.IsNullOrEmpty(e.GetProperty("name").GetString()));
            if (!e.GetProperty("available").GetBoolean()) Assert.False(string.IsNullOrEmpty(e.GetProperty("install").GetString()));
        });

        var config = root.GetProperty("configuration");
        Assert.Equal("****", config.GetProperty("Llm:ApiKey").GetString());
        Assert.Equal("tiny-model", config.GetProperty("Llm:Model").GetString());
        Assert.Equal("****", config.GetProperty("DOCTORTEST:ACCESSTOKEN").GetString());
        Assert.DoesNotContain("sk-secret-123", run.Stdout);
        Assert.DoesNotContain("env-token-value", run.Stdout);
    }

    [Fact]
    public async Task Settings_show_every_options_key_with_its_default_and_mask_secrets()
    {
        var run = await CliRun.InProcessAsync("doctor", "--json", "--config", "Whisper:Threads=3", "--config", "Whisper:LanguageGuard=7",
            "--config", "Llm:ApiKey=sk-settings-secret", "--config", "Server:Token=server-token-value",
            "--config", "Cluster:Broker=amqp://dub:broker-pass@rabbit:5672/");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var settings = json.RootElement.GetProperty("settings");
        string Value(string key) => settings.GetProperty(key).GetString()!;
        Assert.Equal("2", Value("Server:MaxConcurrentCalls"));       // a default nobody set
        Assert.Equal("0.6", Value("Whisper:PauseSeconds"));
        Assert.Equal("3", Value("Whisper:Threads"));                  // a configured value
        Assert.Equal("1", Value("Whisper:LanguageGuard"));            // as the engine uses it: brought into 0..1
        Assert.Equal("0.35", Value("Vad:OffThreshold"));
        Assert.Equal("****", Value("Llm:ApiKey"));
        Assert.Equal("****", Value("Server:Token"));
        Assert.Equal("amqp://dub:****@rabbit:5672/", Value("Cluster:Broker"));
        foreach (var secret in new[] { "sk-settings-secret", "server-token-value", "broker-pass" }) Assert.DoesNotContain(secret, run.Stdout);

        var text = await CliRun.InProcessAsync("doctor");
        Assert.Contains("Settings in effect", text.Stdout);
    }

    [Fact]
    public async Task People_get_tables()
    {
        var run = await CliRun.InProcessAsync("doctor");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("External programs", run.Stdout);
        Assert.Contains("Engines", run.Stdout);
        Assert.Contains("Effective configuration", run.Stdout);
        Assert.Contains("ffprobe", run.Stdout);
        Assert.Contains("Ready", run.Stdout);
    }

    [Fact]
    public async Task Lists_the_languages_reachable_with_the_installed_engines()
    {
        var run = await CliRun.InProcessAsync("doctor", "--json");
        using var json = JsonDocument.Parse(run.Stdout);
        var languages = json.RootElement.GetProperty("languages");
        Assert.Contains("apertium", languages.GetProperty("translators").EnumerateArray().Select(t => t.GetString()));
        Assert.False(languages.GetProperty("any_source").GetBoolean());
        var spoken = languages.GetProperty("spoken").GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("ja", spoken);
        var english = languages.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "en");
        var targets = english.GetProperty("translate_to").GetProperty("codes").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("es", targets);
        Assert.DoesNotContain("ja", targets);
        Assert.Equal(targets.Where(spoken.Contains), english.GetProperty("dub_to").GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        var byEngine = languages.GetProperty("by_engine").EnumerateArray()
            .ToDictionary(r => r.GetProperty("engine").GetString() + ": " + r.GetProperty("reach").GetString(), r => r.GetProperty("languages").GetString()!);
        Assert.Contains("en -> es", byEngine["apertium: installed pairs"]);
        Assert.Contains("fr (eng-spa > es-fr)", byEngine["apertium: through a pivot"]); // the pairs ./dubagent test installs
        Assert.Contains("fr", targets);
        Assert.Contains("DUBAGENT_LLM_MODEL", byEngine["llm: not configured"]);
        var spokenByEngine = languages.GetProperty("spoken_by_engine").EnumerateArray()
            .ToDictionary(r => r.GetProperty("engine").GetString() + ": " + r.GetProperty("reach").GetString(), r => r.GetProperty("languages").GetString()!);
        // Spanish is either spoken by a Piper voice here or offered by the catalog's pull.
        Assert.True(LanguageSetHas(spokenByEngine["piper: voices here"], "es")
            || spokenByEngine.GetValueOrDefault("piper: with `dubagent models pull`", "").Contains("piper-es_ES-davefx-medium"), string.Join("; ", spokenByEngine));

        // A configured endpoint counts once it answers the check before work (any HTTP answer will do here).
        using (var endpoint = new DubAgent.Core.Tests.Models.ModelFileServer("{}"u8.ToArray()))
        {
            var baseUrl = new Uri(new Uri(endpoint.Url), "/v1").ToString();
            var text = await CliRun.InProcessAsync("doctor", "--config", "Llm:Model=tiny-model", "--config", $"Llm:BaseUrl={baseUrl}");
            Assert.Contains("Languages reachable here", text.Stdout);
            Assert.Contains("any language -> any language", text.Stdout);
            Assert.Contains("dub from any language", text.Stdout);
        }
        var dead = await CliRun.InProcessAsync("doctor", "--config", "Llm:Model=tiny-model", "--config", "Llm:BaseUrl=http://127.0.0.1:9/v1");
        Assert.Contains("configured, unreachable", dead.Stdout);
    }

    private static bool LanguageSetHas(string languages, string code) => languages.Split(", ").Contains(code);

    [Fact]
    public async Task Without_ffmpeg_on_path_doctor_exits_1_and_names_the_install_command()
    {
        using var folder = new TempFolder();
        var run = await CliRun.ChildProcessAsync(folder.Path, "doctor", "--json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.False(json.RootElement.GetProperty("ok").GetBoolean());
        var ffmpeg = json.RootElement.GetProperty("programs").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "ffmpeg");
        Assert.False(ffmpeg.GetProperty("found").GetBoolean());
        Assert.Equal("sudo apt-get update && sudo apt-get install -y ffmpeg", ffmpeg.GetProperty("install").GetString());
        Assert.Contains("error: ffmpeg is missing", run.Stderr);
    }

    [Fact]
    public async Task Without_ffmpeg_on_path_a_command_says_what_is_missing_and_how_to_install_it()
    {
        using var folder = new TempFolder();
        var run = await CliRun.ChildProcessAsync(folder.Path, "demo", "--out", folder["demo"]);

        Assert.Equal(3, run.ExitCode);
        var lines = run.Stderr.Trim().Split('\n');
        Assert.StartsWith("error: Engine 'ffmpeg'", lines[0]);
        Assert.Contains("not on PATH", lines[0]);
        Assert.Equal("hint: sudo apt-get update && sudo apt-get install -y ffmpeg", lines[1]);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.False(Directory.Exists(folder["demo"]));
    }

    [Theory]
    [InlineData("Llm:ApiKey", true)]
    [InlineData("OpenAI:api_key", true)]
    [InlineData("Hf:Token", true)]
    [InlineData("Db:Password", true)]
    [InlineData("ClientSecret", true)]
    [InlineData("Llm:Model", false)]
    [InlineData("Keyboard:Layout", false)]
    [InlineData("Demucs:Model", false)]
    public void Secret_keys_are_recognised_by_their_last_part(string key, bool secret) =>
        Assert.Equal(secret, ConfigurationView.IsSecret(key));

    [Theory]
    [InlineData("ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026", "5.1.9-0+deb12u1")]
    [InlineData("eSpeak NG text-to-speech: 1.51  Data at: /usr/lib", "1.51")]
    [InlineData("rubberband\nv3.1.2", "3.1.2")]
    [InlineData("Python 3.11.2", "3.11.2")]
    [InlineData("usage: demucs [-h]", null)]
    [InlineData("INFO: cmd_ln.c(200): Parsing command line:\n-agc none\n-beam 1e-48\n-wbeam 7e-29\n-lw 6.5 0.0001", null)]
    [InlineData("whisper-cli\nusage: whisper-cli [options]\nbuilt with version: 1.7.4", "1.7.4")]
    public void Versions_are_found_in_what_programs_print(string output, string? version) =>
        Assert.Equal(version, ProgramCheck.VersionIn(output));
}
