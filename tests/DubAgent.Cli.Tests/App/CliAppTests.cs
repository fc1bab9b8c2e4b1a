using DubAgent.Abstractions.Errors;
using DubAgent.Cli.Tests.Support;

namespace DubAgent.Cli.Tests.App;

public sealed class CliAppTests
{
    [Fact]
    public async Task An_unknown_option_is_one_error_line_and_a_hint_with_nothing_on_stdout()
    {
        var run = await CliRun.InProcessAsync("doctor", "--no-such-option");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        var lines = run.Stderr.Trim().Split('\n');
        Assert.StartsWith("error: ", lines[0]);
        Assert.Contains("--no-such-option", lines[0]);
        Assert.Equal("hint: run `dubagent doctor --help` to see what it accepts.", lines[^1]);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public async Task No_command_is_a_parse_error_too()
    {
        var run = await CliRun.InProcessAsync();
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Stderr);
        Assert.Contains("dubagent --help", run.Stderr);
    }

    [Fact]
    public async Task Help_lists_the_commands_on_stdout()
    {
        var run = await CliRun.InProcessAsync("--help");
        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "doctor", "demo", "bench" }) Assert.Contains(command, run.Stdout);
    }

    [Fact]
    public async Task Config_is_accepted_by_every_command()
    {
        var run = await CliRun.InProcessAsync("doctor", "--json", "--config", "Cli:Test=1");
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void An_unexpected_exception_is_one_line_and_a_hint_and_the_stack_only_when_verbose()
    {
        var quiet = new StringWriter();
        Assert.Equal(1, ErrorReport.Print(Thrown(new InvalidOperationException("the index is broken")), quiet, verbose: false));
        Assert.Equal("error: the index is broken\nhint: run again with --verbose for details, and report it if it persists.\n",
            quiet.ToString().Replace("\r", ""));

        var verbose = new StringWriter();
        ErrorReport.Print(Thrown(new InvalidOperationException("the index is broken")), verbose, verbose: true);
        Assert.Contains("   at ", verbose.ToString());
    }

    [Fact]
    public void Each_error_kind_has_its_exit_code_and_shows_the_program_output()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, ErrorReport.Print(new InputException("bad", "fix it"), new StringWriter(), false));
        Assert.Equal(3, ErrorReport.Print(new EngineUnavailableException("demucs", "separate", "not installed", "pip install demucs"), new StringWriter(), false));
        Assert.Equal(1, ErrorReport.Print(new MediaException("ffmpeg failed", "check the file", "moov atom not found"), stderr, false));
        Assert.Equal("error: ffmpeg failed\nhint: check the file\nprogram output:\nmoov atom not found\n", stderr.ToString().Replace("\r", ""));
    }

    [Fact]
    public void A_failed_recipe_step_keeps_its_own_exit_code_and_program_output()
    {
        var stderr = new StringWriter();
        var media = new MediaException("ffmpeg could not mux the dubbed video (exit code 1): mp4: Could not find tag", "check it", "Could not find tag");
        Assert.Equal(1, ErrorReport.Print(new PipelineException("Step 'export' (export) failed: " + media.Message, "dub.yaml", 3, 5, media.Hint, media),
            stderr, false));
        Assert.EndsWith("program output:\nCould not find tag\n", stderr.ToString().Replace("\r", ""));
        var input = new InputException("truncated", "re-encode it");
        Assert.Equal(2, ErrorReport.Print(new PipelineException("Step 'export' failed: truncated", "dub.yaml", 3, 5, null, input), new StringWriter(), false));
        Assert.Equal(2, ErrorReport.Print(new PipelineException("unknown tool", "dub.yaml", 3, 5), new StringWriter(), false));
    }

    [Fact]
    public async Task A_demo_output_under_a_regular_file_is_a_clear_input_error()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["file.txt"], "mine");

        var run = await CliRun.InProcessAsync("demo", "--out", Path.Combine(folder["file.txt"], "demo"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: ", run.Stderr);
        Assert.Contains("hint: ", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.Equal("mine", File.ReadAllText(folder["file.txt"]));
    }

    private static Exception Thrown(Exception e)
    {
        try { throw e; }
        catch (Exception caught) { return caught; }
    }
}
