using System.Text.Json;
using DubAgent.Core.Processes;
using DubAgent.Core.Tests.Plugins;
using DubAgent.Server.Tests.Support;
using ModelContextProtocol.Client;

namespace DubAgent.Server.Tests.Plugins;

/// <summary>
/// Drop-in plugins over MCP: `dubagent serve --plugins DIR` with a folder holding a good plugin, a clashing one, one
/// with a missing dependency and one built against another contract version. The good tools are listed and run in a
/// recipe; each bad plugin is refused with its reason on stderr; the server keeps serving.
/// </summary>
public sealed class PluginServeTests(PluginFolderFixture plugins) : IClassFixture<PluginFolderFixture>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Dropped_in_plugins_are_served_and_broken_ones_are_refused_while_the_server_keeps_serving()
    {
        // The sample plugin under another folder name, as a user would drop in a copy of it.
        var dropIn = plugins.FolderWith(plugins.Clashing, plugins.BrokenDependency, plugins.OtherContract);
        var stderr = new List<string>();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "dubagent",
            Command = "dotnet",
            Arguments = [BuiltCli.Dll, "serve", "--root", _temp.Sub("media"), "--jobs", _temp.Sub("jobs"), "--plugins", dropIn],
            StandardErrorLines = line => { lock (stderr) stderr.Add(line); },
        });
        await using var client = await McpClient.CreateAsync(transport,
            new McpClientOptions { DiscoverProbeTimeout = TimeSpan.FromSeconds(60), InitializationTimeout = TimeSpan.FromSeconds(90) });

        var names = (await client.ListToolsAsync()).Select(t => t.Name).ToList();
        Assert.Contains("detect_beats", names);         // the sample plugin beside the executable
        Assert.Contains("suggest_cuts", names);
        Assert.Contains("clashing_free_tool", names);   // the dropped-in plugin's tool with a free name
        Assert.Single(names, n => n == "detect_beats");  // its clashing tool was refused
        Assert.DoesNotContain("broken_greet", names);
        string log;
        lock (stderr) log = string.Join('\n', stderr);
        Assert.Contains("clashes with tool 'detect_beats'", log);
        Assert.Contains("BrokenDependencyLib", log);
        Assert.Contains("DubAgent.Abstractions 2.0", log);

        var song = Path.Combine(_temp.Sub("media"), "clicks.wav");
        var ffmpeg = await new ProcessRunner().RunAsync(new ProcessRequest("ffmpeg",
            ["-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "aevalsrc='if(lt(mod(t,0.5),0.01),sin(2*PI*1000*t),0)':s=22050:d=12", song]),
            CancellationToken.None);
        Assert.True(ffmpeg.Succeeded, ffmpeg.StderrTail);
        var run = await client.CallToolAsync("run_pipeline", new Dictionary<string, object?>
        {
            ["recipe"] = "beat-cut",
            ["inputs"] = new Dictionary<string, object?> { ["song"] = song, ["clip_count"] = 4, ["clip_length"] = 2 },
        });
        Assert.True(run.IsError != true, run.Text());
        var text = JsonSerializer.Serialize(run.StructuredContent);
        Assert.Contains("cuts.json", text);
        Assert.Contains("119.", text);

        Assert.NotEmpty(await client.ListToolsAsync());
    }
}
