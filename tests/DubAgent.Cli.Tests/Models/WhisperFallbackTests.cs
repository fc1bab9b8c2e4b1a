using System.Text.Json;
using DubAgent.Cli.Tests.Support;
using DubAgent.Core.Processes;

namespace DubAgent.Cli.Tests.Models;

/// <summary>
/// The shipped transcribe recipe on a machine with no Whisper model and no network (CI's case): whisper says it is
/// unavailable without trying a download, the step falls back to pocketsphinx, and the run says why.
/// </summary>
public sealed class WhisperFallbackTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_transcribe_recipe_falls_back_to_pocketsphinx_and_says_why()
    {
        var clip = _temp["clip.wav"];
        var speak = await new ProcessRunner().RunAsync(new ProcessRequest("espeak-ng", ["-w", clip, "Good morning. This is a short test of the fallback."]), CancellationToken.None);
        Assert.True(speak.Succeeded, speak.StderrTail);

        // A child process with an empty cache folder and no OpenAI key, whatever this machine has.
        var run = await CliRun.ChildProcessAsync(new Dictionary<string, string>
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "",
            ["XDG_CACHE_HOME"] = _temp["cache"],
            ["OPENAI_API_KEY"] = "",
            ["DUBAGENT_OPENAI__APIKEY"] = "",
            ["DUBAGENT_OPENAI__TRANSCRIPTION__APIKEY"] = "",
        }, "run", "transcribe", "--input", clip, "--out", _temp["job"], "--json");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var transcribe = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("steps").EnumerateArray()
            .Single(s => s.GetProperty("step").GetString() == "transcribe");
        Assert.Equal("whisper", transcribe.GetProperty("engine_asked").GetString());
        Assert.Equal("pocketsphinx", transcribe.GetProperty("engine_ran").GetString());
        var why = transcribe.GetProperty("engine_reason").GetString();
        Assert.Contains("fell back to pocketsphinx", why);
        Assert.Contains("whisper is not available (model whisper-base is not in the store", why);
        Assert.Contains("dubagent models pull whisper-base` (148 MB)", why);
        Assert.False(Directory.Exists(Path.Combine(_temp["cache"], "dubagent", "models")), "nothing was downloaded or even started");
    }
}
