using System.Diagnostics;
using DubAgent.Abstractions.Errors;
using DubAgent.Cli.Tests.Support;
using DubAgent.Core.Processes;
using DubAgent.Core.Workspace;

namespace DubAgent.Cli.Tests.Pipelines;

/// <summary>Issue 13 through `dubagent run`: paths, job folders, truncated inputs, kill -9, exit codes.</summary>
public sealed class RunSafetyTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Transcript()
    {
        var path = _temp["transcript.json"];
        File.WriteAllText(path, """
            { "num_speakers": 1, "total_duration": 4.0, "language": "en",
              "segments": [ { "id": "seg_0001", "speaker": "SPEAKER_00", "start": 0.5, "end": 2.5, "text": "Hello there.", "confidence": 0.9 } ] }
            """);
        return path;
    }

    private string Recipe(string name, string with)
    {
        var path = _temp[$"{name}.yaml"];
        File.WriteAllText(path, $$$"""
            name: {{{name}}}
            inputs:
              transcript: { type: file, required: true }
            steps:
              - id: subs
                tool: write_subtitles
                with:
                  input: ${{ inputs.transcript }}
            {{{with}}}
            """);
        return path;
    }

    [Fact]
    public async Task A_recipe_output_that_leaves_the_job_is_refused_before_any_step_and_the_users_file_is_kept()
    {
        Directory.CreateDirectory(_temp["victim"]);
        File.WriteAllText(_temp["victim/notes.en.srt"], "mine");
        var recipe = Recipe("escape", "      name: ../../victim/notes");
        var result = await CliRun.InProcessAsync("run", recipe, "--input", Transcript(), "--out", _temp["job"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("escape.yaml:9:13", result.Stderr);
        Assert.Contains("leaves the step's folder", result.Stderr);
        Assert.Equal("mine", File.ReadAllText(_temp["victim/notes.en.srt"]));
        Assert.False(Directory.Exists(_temp["job"]));
    }

    [Fact]
    public async Task A_recipe_cannot_read_a_file_that_is_not_its_input_its_folder_or_a_root()
    {
        var secret = Path.Combine(Directory.CreateTempSubdirectory("dubagent-secret-").FullName, "secret.json");
        File.Copy(Transcript(), secret);
        try
        {
            var recipe = Recipe("peek", "      speaker_labels: false\n  - id: peek\n    tool: write_subtitles\n    with:\n      input: " + secret);
            var refused = await CliRun.InProcessAsync("run", recipe, "--input", Transcript(), "--out", _temp["job"]);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("outside the folders", refused.Stderr);
            Assert.Contains("--root", refused.Stderr);

            var allowed = await CliRun.InProcessAsync("run", recipe, "--input", Transcript(), "--out", _temp["job"], "--root", Path.GetDirectoryName(secret)!);
            Assert.True(allowed.ExitCode == 0, allowed.Stderr);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(secret)!, recursive: true);
        }
    }

    [Fact]
    public async Task Run_out_refuses_a_folder_of_the_users_files_and_changes_nothing_in_it()
    {
        Directory.CreateDirectory(_temp["mine/subs"]);
        File.WriteAllText(_temp["mine/job.txt"], "notes");
        File.WriteAllText(_temp["mine/subs/subtitles.en.srt"], "my subtitles");
        var result = await CliRun.InProcessAsync("run", Recipe("subs", ""), "--input", Transcript(), "--out", _temp["mine"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("did not make", result.Stderr);
        Assert.Equal("my subtitles", File.ReadAllText(_temp["mine/subs/subtitles.en.srt"]));
        Assert.Equal(["job.txt", "subs"], Directory.EnumerateFileSystemEntries(_temp["mine"]).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task A_truncated_video_is_an_input_error_before_any_step_runs()
    {
        var full = _temp["full.mp4"];
        var made = await new ProcessRunner().RunAsync(new ProcessRequest("ffmpeg",
        [
            "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25:duration=8", "-f", "lavfi",
            "-i", "sine=frequency=300:sample_rate=48000:duration=8", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac",
            "-movflags", "+faststart", full,
        ]), CancellationToken.None);
        Assert.True(made.Succeeded, made.StderrTail);
        var bytes = File.ReadAllBytes(full);
        File.WriteAllBytes(_temp["cut.mp4"], bytes[..(bytes.Length * 3 / 10)]);

        var result = await CliRun.InProcessAsync("run", "transcribe", "--input", _temp["cut.mp4"], "--out", _temp["job"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cut.mp4", result.Stderr);
        Assert.Contains("incomplete", result.Stderr);
        Assert.Empty(Directory.EnumerateDirectories(_temp["job"]));
    }

    [Fact]
    public async Task A_dub_into_a_language_nothing_here_reaches_stops_before_any_step_with_exit_2()
    {
        var video = _temp["talk.mp4"];
        var made = await new ProcessRunner().RunAsync(new ProcessRequest("ffmpeg",
        [
            "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25:duration=3", "-f", "lavfi",
            "-i", "sine=frequency=300:sample_rate=48000:duration=3", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", video,
        ]), CancellationToken.None);
        Assert.True(made.Succeeded, made.StderrTail);

        var result = await CliRun.InProcessAsync("run", "dub", "--input", video, "--set", "target_language=ja", "--out", _temp["job"],
            "--config", "Llm:Model=");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("dub.yaml:", result.Stderr);
        Assert.Contains("ja", result.Stderr);
        Assert.Contains("reachable", result.Stderr);
        Assert.Empty(Directory.EnumerateDirectories(_temp["job"]));
    }

    [Fact]
    public async Task A_run_killed_with_sigkill_reads_as_interrupted_and_the_next_run_finishes_with_nothing_stale()
    {
        var audio = _temp["long.wav"];
        var made = await new ProcessRunner().RunAsync(new ProcessRequest("ffmpeg",
        [
            "-v", "error", "-y", "-f", "lavfi", "-i", "anoisesrc=duration=120:color=pink:amplitude=0.2:sample_rate=44100",
            "-f", "lavfi", "-i", "sine=frequency=220:sample_rate=44100:duration=120", "-filter_complex", "amix=inputs=2", "-ac", "2", audio,
        ]), CancellationToken.None);
        Assert.True(made.Succeeded, made.StderrTail);
        var recipe = _temp["slow.yaml"];
        File.WriteAllText(recipe, """
            name: slow
            inputs:
              audio: { type: file, required: true }
            steps:
              - id: sep
                tool: separate_audio
                with:
                  input: ${{ inputs.audio }}
                  engine: dsp
            """);
        var job = _temp["job"];

        using (var child = StartCli("run", recipe, "--input", audio, "--out", job))
        {
            var started = Stopwatch.StartNew();
            while (!Directory.Exists(Path.Combine(job, "sep")) && !child.HasExited && started.Elapsed < TimeSpan.FromMinutes(2))
                await Task.Delay(20);
            Assert.False(child.HasExited, "the run ended before it could be killed");
            child.Kill(entireProcessTree: true); // SIGKILL: no handler runs
            await child.WaitForExitAsync();
        }

        var status = JobStatus.Read(job)!;
        Assert.Equal("interrupted", status.Status);
        Assert.False(File.Exists(Path.Combine(job, "sep", "step.json")));

        var rerun = await CliRun.InProcessAsync("run", recipe, "--input", audio, "--out", job);
        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        Assert.Equal("completed", JobStatus.Read(job)!.Status);
        Assert.True(File.Exists(Path.Combine(job, "sep", "step.json")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(job, "sep"), ".*"));
    }

    [Fact]
    public void Exit_codes_say_whose_fault_it_was()
    {
        var diskFull = new IOException("No space left on device : '/tmp/x.wav'");
        Assert.Equal(1, ErrorReport.ExitCodeOf(new PipelineException("Step 'mix' failed", "dub.yaml", 3, 5, null, diskFull)));
        Assert.Equal(1, ErrorReport.ExitCodeOf(new PipelineException("Step 'mix' failed", "dub.yaml", 3, 5, null, new MediaException("ffmpeg crashed"))));
        Assert.Equal(3, ErrorReport.ExitCodeOf(new PipelineException("Step 'translate' cannot run", "dub.yaml", 3, 5, null,
            new EngineUnavailableException("apertium", "translate", "no eng-fra pair", "apt-get install apertium-eng-fra"))));
        Assert.Equal(2, ErrorReport.ExitCodeOf(new PipelineException("unknown tool", "dub.yaml", 3, 5)));
        Assert.Equal(2, ErrorReport.ExitCodeOf(new PipelineException("Step 'x' failed", "dub.yaml", 3, 5, null, new InputException("bad"))));

        var stderr = new StringWriter();
        Assert.Equal(1, ErrorReport.Print(diskFull, stderr, verbose: false));
        Assert.Contains("disk is full", stderr.ToString());
    }

    private static Process StartCli(params string[] args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dubagent.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        // Drain both pipes so a chatty child never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }
}
