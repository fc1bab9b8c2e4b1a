using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Media;
using DubAgent.Engines.Synthesis;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Tests.Synthesis;

/// <summary>
/// The piper engine against a fake `piper` that holds Piper's CLI contract: text on stdin, --model, --config,
/// --speaker for multi-speaker models, --output_file; it refuses anything else and writes a WAV (with sox).
/// </summary>
public sealed class PiperSynthesizerTests : IDisposable
{
    private const string FakePiper = """
        #!/bin/bash
        set -e
        log="$(dirname "$0")/piper-calls.log"
        model=""; config=""; out=""; speaker=""
        while [ $# -gt 0 ]; do
          case "$1" in
            --model|-m) model="$2"; shift 2;;
            --config|-c) config="$2"; shift 2;;
            --output_file|-f) out="$2"; shift 2;;
            --speaker|-s) speaker="$2"; shift 2;;
            --help) echo "usage: piper"; exit 0;;
            *) echo "piper: unrecognized argument $1" >&2; exit 2;;
          esac
        done
        [ -f "$model" ] || { echo "model not found: $model" >&2; exit 3; }
        [ -f "$config" ] || { echo "config not found: $config" >&2; exit 3; }
        [ -n "$out" ] || { echo "no --output_file" >&2; exit 4; }
        text="$(cat)"
        [ -n "$text" ] || { echo "nothing on stdin" >&2; exit 5; }
        printf '%s|%s|%s\n' "$(basename "$model")" "$speaker" "$text" >> "$log"
        # How many runs are going on at once, for the concurrency test.
        mkdir "$(dirname "$0")/running.$$"
        ls -d "$(dirname "$0")"/running.* | wc -l >> "$(dirname "$0")/piper-concurrency.log"
        sox -n -r 22050 -c 1 -b 16 "$out" synth 0.8 sine 180
        sleep 0.2
        rmdir "$(dirname "$0")/running.$$"
        """;

    private readonly SynthesisTestKit _kit;
    private readonly string _directory;

    public PiperSynthesizerTests()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"dubagent-piper-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        var program = Path.Combine(_directory, "piper");
        File.WriteAllText(program, FakePiper.Replace("\r\n", "\n") + "\n");
        File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllBytes(Path.Combine(_directory, "es_ES-test-medium.onnx"), [1, 2, 3]);
        File.WriteAllText(Path.Combine(_directory, "es_ES-test-medium.onnx.json"),
            """{"audio":{"sample_rate":22050},"espeak":{"voice":"es"},"language":{"code":"es_ES"},"num_speakers":2,"speaker_id_map":{"ana":0,"luis":1}}""");
        File.WriteAllBytes(Path.Combine(_directory, "en_US-solo-low.onnx"), [4, 5, 6]);
        File.WriteAllText(Path.Combine(_directory, "en_US-solo-low.onnx.json"),
            """{"audio":{"sample_rate":16000},"language":{"code":"en_US"},"num_speakers":1,"speaker_id_map":{}}""");
        _kit = new SynthesisTestKit(new Dictionary<string, string?>
        {
            ["Piper:Program"] = program,
            ["Piper:ModelDirectory"] = _directory,
        });
    }

    private PiperCliSynthesizer Engine => _kit.Services.GetRequiredService<PiperCliSynthesizer>();

    private string[] Calls => File.ReadAllLines(Path.Combine(_directory, "piper-calls.log"));

    [Fact]
    public async Task Lists_a_voice_per_model_and_per_speaker_of_a_multi_speaker_model()
    {
        var voices = await Engine.ListVoicesAsync(CancellationToken.None);
        Assert.Equal(["en_US-solo-low", "es_ES-test-medium:ana", "es_ES-test-medium:luis"], voices.Select(v => v.Name));
        Assert.Equal(["es-ES"], voices[1].Languages);
        Assert.True((await Engine.CheckAsync(CancellationToken.None)).Available);
    }

    [Fact]
    public async Task Speaks_text_from_stdin_with_model_config_and_speaker()
    {
        var output = _kit.PathOf("clip.wav");
        await Engine.SynthesizeAsync(new SpeechRequest("Hola, Luis.", "es", "es_ES-test-medium:luis", output), new EngineContext { WorkDirectory = _kit.Directory });
        Assert.Equal("es_ES-test-medium.onnx|1|Hola, Luis.", Assert.Single(Calls));
        using var reader = new WavReader(output);
        Assert.Equal(22050, reader.Format.SampleRate);
        Assert.InRange(reader.Duration, 0.79, 0.81);
    }

    [Fact]
    public async Task Single_speaker_model_gets_no_speaker_argument()
    {
        await Engine.SynthesizeAsync(new SpeechRequest("Hello.", "en", "en_US-solo-low", _kit.PathOf("solo.wav")), new EngineContext { WorkDirectory = _kit.Directory });
        Assert.Equal("en_US-solo-low.onnx||Hello.", Assert.Single(Calls));
    }

    [Fact]
    public async Task Unknown_voice_is_an_input_error_listing_the_voices()
    {
        var unknown = await Assert.ThrowsAsync<InputException>(() =>
            Engine.SynthesizeAsync(new SpeechRequest("Hola", "es", "nadie", _kit.PathOf("x.wav")), new EngineContext { WorkDirectory = _kit.Directory }));
        Assert.Contains("es_ES-test-medium:ana", unknown.Hint);
    }

    [Fact]
    public async Task A_failing_piper_is_an_engine_failure_with_its_message_and_leaves_no_file()
    {
        var output = _kit.PathOf("failed.wav");
        var error = await Assert.ThrowsAsync<EngineFailedException>(() =>
            Engine.SynthesizeAsync(new SpeechRequest("", "en", "en_US-solo-low", output), new EngineContext { WorkDirectory = _kit.Directory }));
        Assert.Contains("exit code 5", error.Message);
        Assert.Contains("nothing on stdin", error.StderrTail);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(_kit.Directory, "*.partial*"));
    }

    [Fact]
    public async Task A_configured_model_that_is_missing_makes_the_engine_unavailable()
    {
        using var kit = new SynthesisTestKit(new Dictionary<string, string?>
        {
            ["Piper:Program"] = Path.Combine(_directory, "piper"),
            ["Piper:Model"] = Path.Combine(_directory, "gone.onnx"),
        });
        var status = await kit.Services.GetRequiredService<PiperCliSynthesizer>().CheckAsync(CancellationToken.None);
        Assert.False(status.Available);
        Assert.Contains("gone.onnx", status.Detail);
    }

    [Fact]
    public async Task Missing_program_reports_the_install_command()
    {
        using var kit = new SynthesisTestKit(new Dictionary<string, string?> { ["Piper:Program"] = "/nonexistent/piper" });
        var status = await kit.Services.GetRequiredService<PiperCliSynthesizer>().CheckAsync(CancellationToken.None);
        Assert.False(status.Available);
        Assert.Contains("pip install piper-tts", status.InstallHint);
    }

    [Fact]
    public async Task The_synthesize_tool_runs_with_piper()
    {
        var translation = _kit.PathOf("translation.json");
        File.WriteAllText(translation, """
            {"target_language":"es","total_duration":4,"segments":[
              {"id":"seg_0001","speaker":"A","start":0.5,"end":1.5,"target_text":"Hola."},
              {"id":"seg_0002","speaker":"B","start":2.0,"end":3.0,"target_text":"Adiós."}]}
            """);
        var tool = _kit.Services.GetServices<DubAgent.Abstractions.Tools.ITool>().Single(t => t.Name == "synthesize");
        var result = (SynthesizeResult)await tool.InvokeAsync(new SynthesizeArguments { Translation = translation, Engine = "piper-cli", SampleRate = 16000 }, _kit.Context());
        Assert.Equal(2, result.Synthesized);
        Assert.Equal(2, result.Cast.Values.Distinct().Count());
        Assert.All(result.Cast.Values, v => Assert.StartsWith("es_ES-test-medium:", v));
        Assert.Equal(2, Calls.Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task The_tool_never_runs_more_clips_at_once_than_its_concurrency(int concurrency)
    {
        var translation = _kit.PathOf("many.json");
        var segments = string.Join(",", Enumerable.Range(0, 6).Select(i =>
            $$"""{"id":"s{{i}}","speaker":"A","start":{{i}},"end":{{i + 0.9}},"target_text":"Frase {{i}}."}"""));
        File.WriteAllText(translation, $$"""{"target_language":"es","total_duration":7,"segments":[{{segments}}]}""");
        var tool = _kit.Services.GetServices<DubAgent.Abstractions.Tools.ITool>().Single(t => t.Name == "synthesize");
        await tool.InvokeAsync(new SynthesizeArguments { Translation = translation, Engine = "piper-cli", SampleRate = 16000, Concurrency = concurrency }, _kit.Context());
        var running = File.ReadAllLines(Path.Combine(_directory, "piper-concurrency.log")).Select(int.Parse).ToList();
        Assert.Equal(6, running.Count);
        Assert.All(running, n => Assert.InRange(n, 1, concurrency));
    }

    public void Dispose()
    {
        _kit.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
