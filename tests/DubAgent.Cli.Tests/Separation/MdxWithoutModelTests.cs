using DubAgent.Cli.Tests.Support;
using DubAgent.Core.Processes;

namespace DubAgent.Cli.Tests.Separation;

/// <summary>The `mdx` engine asked for by name on a machine whose model store does not hold its model.</summary>
public sealed class MdxWithoutModelTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task Separating_with_mdx_without_its_model_exits_3_with_the_pull_command()
    {
        var input = _temp["talk.wav"];
        var made = await new ProcessRunner().RunAsync(new ProcessRequest("ffmpeg",
            ["-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=300:sample_rate=44100:duration=2", input]), CancellationToken.None);
        Assert.True(made.Succeeded, made.StderrTail);

        var result = await CliRun.InProcessAsync("call", "separate_audio", "--arg", $"input={input}", "--arg", "engine=mdx",
            "--out", _temp["job"], "--config", "Models:Directory=" + _temp["models"]);

        Assert.Equal(3, result.ExitCode);
        var lines = result.Stderr.Trim().Split('\n').Select(l => l.Trim()).ToList();
        var error = lines.FindIndex(l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.True(error >= 0, result.Stderr);
        Assert.StartsWith("error: Engine 'mdx' (separate) is not available", lines[error]);
        Assert.StartsWith("hint: dubagent models pull UVR-MDX-NET-Voc_FT", lines[error + 1]);
        Assert.False(File.Exists(Path.Combine(_temp["job"], "separate_audio", "vocals.wav")));
    }

    public void Dispose() => _temp.Dispose();
}
