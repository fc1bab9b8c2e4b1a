using DubAgent.Cli.Tests.Demo;
using DubAgent.Cli.Tests.Support;
using DubAgent.Cluster.Tests.Support;
using DubAgent.Core.Processes;
using DubAgent.Core.Workspace;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace DubAgent.Cluster.Tests.Runs;

/// <summary>`dubagent serve` with Cluster:Broker set: run_pipeline goes through the coordinator to the workers, and their progress reaches the MCP client.</summary>
[Collection(ClusterCollection.Name)]
public sealed class McpClusterRunTests(LocalBroker broker, DemoFixture demo) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public async Task Run_pipeline_over_mcp_runs_on_the_workers_of_the_configured_broker_with_their_progress()
    {
        broker.Require();
        var recipe = _folder["recipes/short.yaml"];
        Directory.CreateDirectory(Path.GetDirectoryName(recipe)!);
        await File.WriteAllTextAsync(recipe, """
            name: short
            inputs:
              media: { type: file, required: true }
            steps:
              - id: probe
                tool: analyze_media
                with: { input: ${{ inputs.media }} }
              - id: separate
                tool: separate_audio
                with: { input: ${{ inputs.media }} }
                engine: { use: dsp }
            """);
        await using var worker = await WorkerProcess.StartAsync(broker.Url, "mcp-worker", "analyze_media,separate");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : ProgramLocator.Find("dotnet")!;
        await using var client = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "dubagent", Command = dotnet,
            Arguments = [Path.Combine(AppContext.BaseDirectory, "dubagent.dll"), "serve", "--root", Path.GetDirectoryName(recipe)!,
                "--root", Path.GetDirectoryName(demo.Media.Video)!, "--jobs", _folder["jobs"], "--wait", "600", "--config", $"Cluster:Broker={broker.Url}"],
        }), new McpClientOptions { InitializationTimeout = TimeSpan.FromSeconds(90) });
        var messages = new List<string>();

        var run = await client.CallToolAsync("run_pipeline",
            new Dictionary<string, object?> { ["recipe"] = recipe, ["inputs"] = new Dictionary<string, object?> { ["media"] = demo.Media.Video } },
            new Collect(messages));

        var text = string.Join("\n", run.Content.OfType<TextContentBlock>().Select(t => t.Text));
        Assert.True(run.IsError != true, text + worker.Log);
        var result = run.StructuredContent!.Value.GetProperty("result");
        Assert.All(result.GetProperty("steps").EnumerateArray(), s => Assert.Equal("ran", s.GetProperty("status").GetString()));
        var folder = result.GetProperty("folder").GetString()!;
        foreach (var step in new[] { "probe", "separate" })
            Assert.Contains("worker: mcp-worker", JobWorkspace.ReadRecordIn(Path.Combine(folder, step))!.Notes);
        // The engine in "started (dsp)" is the one the worker chose and sent in its StepStarted event.
        for (var i = 0; i < 240 && !Heard(messages, "separate: started (dsp)"); i++) await Task.Delay(250);
        Assert.True(Heard(messages, "separate: started (dsp)"), string.Join("\n", messages));
    }

    private static bool Heard(List<string> messages, string text)
    {
        lock (messages) return messages.Contains(text);
    }

    private sealed class Collect(List<string> into) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value)
        {
            lock (into) into.Add(value.Message ?? "");
        }
    }
}
