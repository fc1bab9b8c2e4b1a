using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;
using DubAgent.Engines.Tests.Diarization;
using DubAgent.Engines.Transcription;

namespace DubAgent.Engines.Tests.Transcription;

/// <summary>whisper.cpp is not installed here: the adapter is tested against whisper-cli's documented argv and -oj JSON.</summary>
public class WhisperCppTranscriberTests : IDisposable
{
    private readonly SpeechFixtures _fixtures = new();

    /// <summary>The JSON whisper-cli -oj writes (README "JSON output" layout: offsets in milliseconds).</summary>
    private const string DocumentedJson = """
        {
          "systeminfo": "AVX = 1",
          "model": { "type": "base", "multilingual": false },
          "params": { "model": "models/ggml-base.en.bin", "language": "en", "translate": false },
          "result": { "language": "en" },
          "transcription": [
            { "timestamps": { "from": "00:00:00,000", "to": "00:00:03,960" }, "offsets": { "from": 0, "to": 3960 },
              "text": " And so my fellow Americans," },
            { "timestamps": { "from": "00:00:03,960", "to": "00:00:11,000" }, "offsets": { "from": 3960, "to": 11000 },
              "text": " ask not what your country can do for you." }
          ]
        }
        """;

    private string FakeWhisperCli(string model)
    {
        var json = Path.Combine(_fixtures.Directory, "answer.json");
        File.WriteAllText(json, DocumentedJson);
        var path = Path.Combine(_fixtures.Directory, "whisper-cli");
        File.WriteAllText(path, $$"""
            #!/bin/sh
            # Checks the documented flags: -m MODEL -f FILE -l LANG -oj -of PREFIX
            m=""; f=""; l=""; oj=""; of=""
            while [ $# -gt 0 ]; do
              case "$1" in
                -m) m="$2"; shift 2;; -f) f="$2"; shift 2;; -l) l="$2"; shift 2;;
                -oj) oj=1; shift;; -of) of="$2"; shift 2;; -np) shift;; -t) shift 2;;
                *) echo "unknown flag $1" >&2; exit 2;;
              esac
            done
            [ "$m" = "{{model}}" ] || { echo "wrong model '$m'" >&2; exit 3; }
            [ -f "$f" ] || { echo "no input '$f'" >&2; exit 3; }
            [ "$l" = "en" ] || { echo "wrong language '$l'" >&2; exit 3; }
            [ -n "$oj" ] && [ -n "$of" ] || { echo "missing -oj/-of" >&2; exit 3; }
            cp "{{json}}" "$of.json"
            """.Replace("\r", ""));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private WhisperCppTranscriber Engine(string program, string model) =>
        new(SpeechFixtures.Runner, SpeechFixtures.Media, SpeechFixtures.Configuration(("WhisperCpp:Program", program), ("WhisperCpp:Model", model)),
            SpeechFixtures.EnergyRegions);

    private string Model()
    {
        var model = Path.Combine(_fixtures.Directory, "ggml-base.en.bin");
        File.WriteAllText(model, "not a real model; the fake whisper-cli only checks the path");
        return model;
    }

    private string Audio(double seconds)
    {
        var wav = Path.Combine(_fixtures.Directory, "speech.wav");
        WavWriter.WriteAll(wav, new AudioFormat(16000, 1), new float[(int)(16000 * seconds)]);
        return wav;
    }

    [Fact]
    public async Task Parses_the_documented_json_into_segments()
    {
        var model = Model();
        var engine = Engine(FakeWhisperCli(model), model);
        Assert.True((await engine.CheckAsync(CancellationToken.None)).Available);

        var transcript = await engine.TranscribeAsync(new TranscriptionRequest(Audio(11), "en"), _fixtures.Context());

        Assert.Equal("en", transcript.Language);
        Assert.Equal(2, transcript.Segments.Count);
        Assert.Equal("And so my fellow Americans,", transcript.Segments[0].Text);
        Assert.Equal(3.96, transcript.Segments[1].Start, 3);
        Assert.Equal(11.0, transcript.Segments[1].End, 3);
    }

    [Fact]
    public async Task A_failing_run_is_an_engine_failure_with_stderr()
    {
        var model = Model();
        var engine = Engine(FakeWhisperCli(model + ".other"), model);
        var error = await Assert.ThrowsAsync<EngineFailedException>(() => engine.TranscribeAsync(new TranscriptionRequest(Audio(1), "en"), _fixtures.Context()));
        Assert.Contains("wrong model", error.StderrTail);
    }

    [Fact]
    public async Task Missing_program_or_model_says_how_to_install()
    {
        var status = await Engine("/nonexistent/whisper-cli", "/nonexistent/model.bin").CheckAsync(CancellationToken.None);
        Assert.False(status.Available);
        Assert.Contains("whisper.cpp", status.InstallHint);
        var model = Model();
        var noModel = await new WhisperCppTranscriber(SpeechFixtures.Runner, SpeechFixtures.Media,
            SpeechFixtures.Configuration(("WhisperCpp:Program", FakeWhisperCli(model))), SpeechFixtures.EnergyRegions).CheckAsync(CancellationToken.None);
        Assert.False(noModel.Available);
        Assert.Contains("WhisperCpp:Model", noModel.Detail);
    }

    [Fact]
    public void Token_output_gives_words_and_confidence()
    {
        const string json = """
            { "result": { "language": "en" }, "transcription": [ { "offsets": { "from": 1000, "to": 2000 }, "text": " Hello world",
              "tokens": [ { "text": "[_BEG_]", "offsets": { "from": 1000, "to": 1000 }, "p": 0.9 },
                          { "text": " Hel", "offsets": { "from": 1000, "to": 1200 }, "p": 0.8 },
                          { "text": "lo", "offsets": { "from": 1200, "to": 1400 }, "p": 0.6 },
                          { "text": " world", "offsets": { "from": 1500, "to": 2000 }, "p": 1.0 } ] } ] }
            """;
        var (language, segments) = WhisperCppJson.Parse(json, 10, "x.json");
        Assert.Equal("en", language);
        var words = segments[0].Words!;
        Assert.Equal(["Hello", "world"], words.Select(w => w.Word));
        Assert.Equal(11.0, words[0].Start, 3);
        Assert.Equal(11.4, words[0].End, 3);
        Assert.Equal(0.8, segments[0].Confidence, 3);
    }

    public void Dispose() => _fixtures.Dispose();
}
