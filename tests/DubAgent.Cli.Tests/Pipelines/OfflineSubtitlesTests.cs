using System.Text.Json;
using DubAgent.Cli.Tests.Support;
using DubAgent.Core.Processes;

namespace DubAgent.Cli.Tests.Pipelines;

/// <summary>
/// The `subtitles` recipe with no chat model, on a short clip two espeak-ng voices speak: apertium translates into
/// French, Portuguese and Italian through Spanish and into Galician directly, keeping every segment and its speaker;
/// German, which nothing here reaches, is refused before the first step.
/// </summary>
public sealed class OfflineSubtitlesTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<string> ClipAsync()
    {
        var runner = new ProcessRunner();
        var lines = new[] { ("en-us", "Where is the map? I left it in the car."), ("en+m3", "The house is near the lake, and the water is cold.") };
        var parts = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var wav = _temp[$"line{i}.wav"];
            var spoken = await runner.RunAsync(new ProcessRequest("espeak-ng", ["-v", lines[i].Item1, "-s", "140", "-w", wav, lines[i].Item2]), CancellationToken.None);
            Assert.True(spoken.Succeeded, spoken.StderrTail);
            parts.Add(wav);
        }
        var video = _temp["talk.mp4"];
        var made = await runner.RunAsync(new ProcessRequest("ffmpeg",
        [
            "-v", "error", "-y", "-i", parts[0], "-i", parts[1], "-f", "lavfi", "-i", "anullsrc=r=22050:cl=mono:d=1", "-f", "lavfi",
            "-i", "testsrc=size=160x120:rate=25:duration=12", "-filter_complex", "[0:a][2:a][1:a]concat=n=3:v=0:a=1[a]",
            "-map", "3:v", "-map", "[a]", "-shortest", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", video,
        ]), CancellationToken.None);
        Assert.True(made.Succeeded, made.StderrTail);
        return video;
    }

    [Fact]
    public async Task French_portuguese_italian_and_galician_keep_every_segment_and_speaker()
    {
        var video = await ClipAsync();
        var job = _temp["job"];
        var chains = new Dictionary<string, string> { ["fr"] = "eng-spa > es-fr", ["pt"] = "eng-spa > es-pt", ["it"] = "eng-spa > spa-ita", ["gl"] = "en-gl" };
        foreach (var (target, chain) in chains)
        {
            // The same job folder: separation, transcription and diarization are cached after the first language.
            var run = await CliRun.InProcessAsync("run", "subtitles", "--input", video, "--set", $"target_language={target}", "--out", job,
                "--config", "Llm:Model=");
            Assert.True(run.ExitCode == 0, run.Stderr);

            using var transcript = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(job, "diarize"), "transcript.json").Single()));
            using var translation = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(job, "translate"), "translation.json").Single()));
            var source = transcript.RootElement.GetProperty("segments").EnumerateArray().ToList();
            var translated = translation.RootElement.GetProperty("segments").EnumerateArray().ToList();
            Assert.NotEmpty(source);
            Assert.Equal(target, translation.RootElement.GetProperty("target_language").GetString());
            Assert.Equal(source.Select(s => (s.GetProperty("id").GetString(), s.GetProperty("speaker").GetString())),
                translated.Select(s => (s.GetProperty("id").GetString(), s.GetProperty("speaker").GetString())));
            Assert.All(translated, s =>
            {
                Assert.Equal(chain, s.GetProperty("chain").GetString());
                Assert.DoesNotMatch("[*#@]", s.GetProperty("target_text").GetString());
            });
            Assert.True(File.Exists(Path.Combine(job, "subtitles", $"subtitles.{target}.srt")), run.Stdout);
        }
    }

    [Fact]
    public async Task German_without_a_chat_model_is_refused_before_separation_listing_the_reachable_languages()
    {
        var video = await ClipAsync();
        var run = await CliRun.InProcessAsync("run", "subtitles", "--input", video, "--set", "target_language=de", "--out", _temp["job"],
            "--config", "Llm:Model=");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'de'", run.Stderr);
        Assert.Contains("reachable targets: en, es, fr, gl, it, pt", run.Stderr);
        Assert.False(Directory.Exists(Path.Combine(_temp["job"], "separate")));
    }

    private static readonly string[] DeadEndpoint = ["--config", "Llm:Model=tiny", "--config", "Llm:BaseUrl=http://127.0.0.1:9/v1"];

    [Fact]
    public async Task A_configured_endpoint_that_does_not_answer_falls_back_to_apertium_with_the_reason_and_the_glossary_is_recorded()
    {
        var video = await ClipAsync();
        var glossary = _temp["glossary.txt"];
        File.WriteAllText(glossary, "lake = LAGO\n# names kept as written\nMaria\n");
        var job = _temp["job"];
        var run = await CliRun.InProcessAsync(["run", "subtitles", "--input", video, "--input", $"glossary={glossary}", "--set", "target_language=es", "--out", job, .. DeadEndpoint]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("llm is not available (the configured endpoint is unreachable: http://127.0.0.1:9/v1", run.Stdout.ReplaceLineEndings(" "));

        using var translation = JsonDocument.Parse(File.ReadAllText(Path.Combine(job, "translate", "translation.json")));
        Assert.Equal("apertium", translation.RootElement.GetProperty("engine").GetString());
        Assert.Equal("LAGO", translation.RootElement.GetProperty("glossary").GetProperty("lake").GetString());
        Assert.Equal("Maria", translation.RootElement.GetProperty("do_not_translate")[0].GetString());
    }

    [Fact]
    public async Task Asking_for_llm_alone_with_an_endpoint_that_does_not_answer_is_refused_before_any_work()
    {
        var transcript = _temp["transcript.json"];
        File.WriteAllText(transcript, """{"language":"en","num_speakers":1,"segments":[{"id":"seg_0001","speaker":"SPEAKER_00","start":0,"end":2,"text":"Where is the map?"}]}""");
        var run = await CliRun.InProcessAsync(["call", "translate", "--arg", $"transcript={transcript}", "--arg", "target_language=es", "--arg", "engine=llm", .. DeadEndpoint]);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("http://127.0.0.1:9/v1", run.Stderr);
        Assert.Contains("unreachable", run.Stderr);
    }
}
