using System.Text.Json;
using DubAgent.Cli.Tests.Support;

namespace DubAgent.Cli.Tests.Pipelines;

/// <summary>`dubagent run`, `pipelines`, `tools` and `call` in-process, on the real write_subtitles tool and a small transcript.</summary>
public sealed class PipelineCommandsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Transcript()
    {
        var path = _temp["transcript.json"];
        File.WriteAllText(path, """
            { "num_speakers": 2, "total_duration": 6.0, "language": "en",
              "segments": [
                { "id": "seg_0001", "speaker": "SPEAKER_00", "start": 0.5, "end": 2.5, "text": "Hello there, how are you?", "confidence": 0.9 },
                { "id": "seg_0002", "speaker": "SPEAKER_01", "start": 3.0, "end": 5.5, "text": "Fine, thank you.", "confidence": 0.8 } ] }
            """);
        return path;
    }

    private string Recipe()
    {
        var path = _temp["subs.yaml"];
        File.WriteAllText(path, """
            name: subs
            description: Subtitles from a transcript.
            inputs:
              transcript: { type: file, required: true }
              labels: { type: boolean, default: false }
            steps:
              - id: subs
                tool: write_subtitles
                with:
                  input: ${{ inputs.transcript }}
                  speaker_labels: ${{ inputs.labels }}
            outputs:
              files: ${{ steps.subs.files }}
            """);
        return path;
    }

    /// <summary>
    /// The plugins folder of the built CLI (the sample plugin is copied there, not into this test's output), so recipes
    /// that use plugin tools validate as they do for `dubagent pipelines validate` in CI.
    /// </summary>
    private static string CliPluginsFolder()
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = bin.Parent!.Name;
        var root = bin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "DubAgent.sln"))) root = root.Parent;
        return Path.Combine(root!.FullName, "src", "DubAgent.Cli", "bin", configuration, bin.Name, "plugins");
    }

    [Fact]
    public async Task Every_shipped_recipe_validates()
    {
        var result = await CliRun.InProcessAsync("pipelines", "validate", "--plugins", CliPluginsFolder());
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Matches(@"(\d+) of \1 recipes are valid", result.Stdout);
    }

    [Fact]
    public async Task Validate_prints_each_problem_with_file_line_and_column_and_fails()
    {
        var bad = _temp["bad.yaml"];
        File.WriteAllText(bad, "name: bad\nsteps:\n  - id: one\n    tool: write_subtitle\n    with:\n      input: ${{ inputs.nothing }}\n");
        var result = await CliRun.InProcessAsync("pipelines", "validate", bad);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bad.yaml:4:11: Unknown tool 'write_subtitle'", result.Stderr);
        Assert.Contains("bad.yaml:6:18: 'inputs.nothing': the recipe has no input 'nothing'", result.Stderr);
    }

    [Fact]
    public async Task Tools_json_lists_schemas_with_engine_names()
    {
        var result = await CliRun.InProcessAsync("tools", "--json");
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Stdout);
        var subtitles = doc.RootElement.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "write_subtitles");
        Assert.True(subtitles.GetProperty("input_schema").GetProperty("properties").TryGetProperty("max_lines", out _));
        var transcribe = doc.RootElement.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "transcribe");
        Assert.Contains("pocketsphinx", transcribe.GetProperty("input_schema").GetProperty("properties").GetProperty("engine")
            .GetProperty("description").GetString());
    }

    [Fact]
    public async Task Call_prints_the_result_json_and_writes_into_the_tool_folder()
    {
        var result = await CliRun.InProcessAsync("call", "write_subtitles", "--arg", $"input={Transcript()}", "--arg", "formats=srt",
            "--out", _temp["calls"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        var file = doc.RootElement.GetProperty("files").EnumerateArray().Single().GetString()!;
        Assert.StartsWith(Path.Combine(_temp["calls"], "write_subtitles"), file);
        Assert.Contains("Hello there", File.ReadAllText(file));
    }

    [Fact]
    public async Task Call_with_a_wrong_argument_type_names_it()
    {
        var result = await CliRun.InProcessAsync("call", "write_subtitles", "--arg", "input=x.json", "--arg", "max_lines=lots");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'max_lines'", result.Stderr);
        Assert.Contains("a whole number", result.Stderr);
    }

    [Fact]
    public async Task Run_twice_reuses_the_step_and_force_runs_it_again()
    {
        var transcript = Transcript();
        var job = _temp["job"];
        var first = await CliRun.InProcessAsync("run", Recipe(), "--input", transcript, "--out", job);
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Matches(@"subs\s*│\s*write_subtitles\s*│[^│]*│\s*miss", first.Stdout);
        Assert.Contains("files: [", first.Stdout);
        Assert.True(File.Exists(Path.Combine(job, "subs", "step.json")));

        var second = await CliRun.InProcessAsync("run", Recipe(), "--input", transcript, "--out", job);
        Assert.Matches(@"subs\s*│\s*write_subtitles\s*│[^│]*│\s*hit", second.Stdout);

        var forced = await CliRun.InProcessAsync("run", Recipe(), "--input", $"transcript={transcript}", "--set", "labels=true",
            "--out", job, "--force", "subs", "--json");
        Assert.True(forced.ExitCode == 0, forced.Stderr);
        using var doc = JsonDocument.Parse(forced.Stdout);
        Assert.Equal("ran", doc.RootElement.GetProperty("steps")[0].GetProperty("status").GetString());
        var srt = Directory.GetFiles(Path.Combine(job, "subs"), "*.srt").Single();
        Assert.Contains("SPEAKER_00: ", File.ReadAllText(srt));
    }

    [Fact]
    public async Task Run_of_an_unknown_recipe_lists_the_shipped_ones()
    {
        var result = await CliRun.InProcessAsync("run", "no-such-recipe", "--input", "x.mp4");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no-such-recipe", result.Stderr);
        Assert.Contains("subtitles", result.Stderr);
    }

    [Fact]
    public async Task Run_with_a_bad_input_value_points_at_the_input_declaration()
    {
        var result = await CliRun.InProcessAsync("run", Recipe(), "--input", Transcript(), "--set", "labels=maybe", "--out", _temp["job"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("subs.yaml:5:3: The value 'maybe' of input 'labels' is not true or false", result.Stderr);
    }
}
