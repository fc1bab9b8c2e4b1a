using DubAgent.Cli.Tests.Support;

namespace DubAgent.Cli.Tests.App;

/// <summary>NaN and infinite tool arguments are one input error line naming the argument (exit code 2), however they are given.</summary>
public sealed class NonFiniteArgumentTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static void AssertNamesVoiceVolume(CliOutput run, string value)
    {
        Assert.Equal(2, run.ExitCode);
        var lines = run.Stderr.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.EndsWith($"The argument 'voice_volume' of 'mix' must be a finite number, got {value}.", lines[0]);
        Assert.StartsWith("error: ", lines[0]);
        Assert.StartsWith("hint: Gain of the voice track", lines[1]);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("1e309")]
    public async Task From_arg_pairs(string value) =>
        AssertNamesVoiceVolume(await CliRun.InProcessAsync("call", "mix", "--out", _folder.Path, "--arg", "voice=v.wav", "--arg", $"voice_volume={value}"), value);

    [Theory]
    [InlineData("1e309", "1e309")]
    [InlineData("\"NaN\"", "NaN")]
    public async Task From_json(string json, string shown) =>
        AssertNamesVoiceVolume(await CliRun.InProcessAsync("call", "mix", "--out", _folder.Path, "--json", $$"""{"voice": "v.wav", "voice_volume": {{json}}}"""), shown);

    [Theory]
    [InlineData("NaN")]
    [InlineData("1e309")]
    [InlineData(".nan")]
    public async Task From_a_recipe(string literal)
    {
        File.WriteAllText(_folder["mix.yaml"], $$"""
            name: loud
            steps:
              - id: mix
                tool: mix
                with: { voice: v.wav, voice_volume: {{literal}} }
            """);
        var run = await CliRun.InProcessAsync("run", _folder["mix.yaml"], "--out", _folder["job"]);
        AssertNamesVoiceVolume(run, literal);
        Assert.Contains("mix.yaml:5:", run.Stderr);
    }
}
