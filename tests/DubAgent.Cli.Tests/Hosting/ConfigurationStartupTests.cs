using System.Text.Json;
using DubAgent.Cli.Tests.Support;

namespace DubAgent.Cli.Tests.Hosting;

/// <summary>A configuration with a typo or a bad value stops every command at start-up (exit code 2), before any step runs.</summary>
public sealed class ConfigurationStartupTests : IDisposable
{
    private const string MfccKeys = "Valid keys of Mfcc: ChangeThreshold (number, above 0, default 1), MinClusterShare (number, from 0 to 1, default 0.1), OverlapMargin (number, at least 0, default 1), StopDistance (number, above 0, default 2), SwitchPenalty (number, at least 0, default 20).";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>`dubagent run` of a one-step recipe into a new job folder, with these extra arguments.</summary>
    private async Task<CliOutput> RunAsync(params string[] extra)
    {
        File.WriteAllText(_folder["probe.yaml"], """
            name: probe
            steps:
              - id: media
                tool: analyze_media
                with: { input: missing.mp4 }
            """);
        return await CliRun.InProcessAsync(["run", _folder["probe.yaml"], "--out", _folder["job"], .. extra]);
    }

    private void AssertStoppedBeforeWork(CliOutput run, string error, string hint)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        var lines = run.Stderr.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal($"error: {error}", lines[0]);
        Assert.StartsWith($"hint: {hint}", lines[1]);
        Assert.False(Directory.Exists(_folder["job"]), "no job folder is made: nothing ran");
    }

    [Fact]
    public async Task A_value_that_is_not_a_number_stops_the_run_naming_key_value_and_valid_keys() =>
        AssertStoppedBeforeWork(await RunAsync("--config", "Mfcc:MinClusterShare=abc"),
            "'Mfcc:MinClusterShare' must be a number, got 'abc' (set by --config).", MfccKeys);

    [Fact]
    public async Task An_unknown_key_of_a_known_section_stops_the_run_and_lists_the_valid_keys() =>
        AssertStoppedBeforeWork(await RunAsync("--config", "Mfcc:Nope=1"),
            "Unknown configuration key 'Mfcc:Nope' (set by --config).", MfccKeys);

    [Fact]
    public async Task A_misspelt_key_gets_the_one_it_meant() =>
        AssertStoppedBeforeWork(await RunAsync("--config", "Mfcc:MinClusterShre=0.2"),
            "Unknown configuration key 'Mfcc:MinClusterShre' (set by --config).",
            "Did you mean 'Mfcc:MinClusterShare'? Valid keys of Mfcc:");

    [Theory]
    [InlineData("Foo", "--config 'Foo' has no '=': it sets nothing.")]
    [InlineData("=1", "--config '=1' has an empty key before '='.")]
    [InlineData("Mfcc:=1", "--config 'Mfcc:=1' has an empty key part before '='.")]
    public async Task A_malformed_config_entry_stops_the_run(string entry, string error) =>
        AssertStoppedBeforeWork(await RunAsync("--config", entry), error, "Write --config Section:Key=Value, e.g. --config Llm:Model=gpt-4o-mini.");

    [Fact]
    public async Task A_non_finite_number_from_an_environment_variable_names_the_variable()
    {
        var run = await CliRun.ChildProcessAsync(new Dictionary<string, string>
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "",
            ["DUBAGENT_MFCC__STOPDISTANCE"] = "1e309",
        }, "tools");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.StartsWith("error: 'Mfcc:StopDistance' must be a finite number, got '1e309' (set by DUBAGENT_MFCC__STOPDISTANCE).", run.Stderr);
    }

    [Fact]
    public async Task Doctor_lists_every_problem_instead_of_stopping_and_exits_2()
    {
        var run = await CliRun.InProcessAsync("doctor", "--json", "--config", "Mfcc:Nope=1", "--config", "Llm:TimeoutSeconds=-3", "--config", "Foo");

        Assert.Equal(2, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var problems = json.RootElement.GetProperty("configuration_problems").EnumerateArray()
            .Select(p => p.GetProperty("key").GetString()).Order().ToList();
        Assert.Equal(["Foo", "Llm:TimeoutSeconds", "Mfcc:Nope"], problems);
        Assert.Contains("error: 'Llm:TimeoutSeconds' must be above 0, got '-3' (set by --config).", run.Stderr);
        Assert.True(json.RootElement.GetProperty("engines").GetArrayLength() > 0, "the rest of the report is still there");
    }

    [Fact]
    public async Task A_valid_configuration_of_known_sections_runs()
    {
        var run = await CliRun.InProcessAsync("tools", "--config", "Mfcc:StopDistance=0.9", "--config", "llm:timeoutseconds=30",
            "--config", "Plugins:Folders:0=" + _folder.Path, "--config", "OpenAI:Speech:Voices=alloy,onyx", "--config", "SomePlugin:Anything=x");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("mix", run.Stdout);
    }
}
