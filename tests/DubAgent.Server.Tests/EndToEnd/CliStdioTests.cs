using DubAgent.Server.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Client;

namespace DubAgent.Server.Tests.EndToEnd;

/// <summary>`dotnet dubagent.dll serve` as a child process, with the real registry, driven by the SDK's stdio client.</summary>
public sealed class CliStdioTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<McpClient> StartAsync(List<string>? stderr = null)
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "dubagent",
            Command = "dotnet",
            // --wait long enough that the recipe answers in the foreground even on a loaded machine (the "working" answer
            // after the wait has its own tests).
            Arguments = [BuiltCli.Dll, "serve", "--root", _temp.Sub("media"), "--jobs", _temp.Sub("jobs"), "--wait", "600"],
            StandardErrorLines = line => { if (stderr is not null) lock (stderr) stderr.Add(line); },
        });
        // A cold `dotnet dubagent.dll` on a busy machine can take longer than the client's 5 s server/discover probe.
        return await McpClient.CreateAsync(transport, new McpClientOptions { DiscoverProbeTimeout = TimeSpan.FromSeconds(60), InitializationTimeout = TimeSpan.FromSeconds(90) });
    }

    [Fact]
    public async Task Serves_the_real_registry_runs_a_recipe_with_progress_and_turns_bad_calls_into_tool_errors()
    {
        var stderr = new List<string>();
        await using var client = await StartAsync(stderr);
        var names = (await client.ListToolsAsync()).Select(t => t.Name).ToList();
        foreach (var expected in new[] { "transcribe", "translate", "list_engines", "run_pipeline", "list_pipelines", "get_job", "cancel_job" })
            Assert.Contains(expected, names);
        lock (stderr) Assert.Contains(stderr, l => l.Contains("MCP server on stdio", StringComparison.Ordinal));

        var engines = await client.CallToolAsync("list_engines", new Dictionary<string, object?> { ["capability"] = "translate" });
        Assert.NotEqual(true, engines.IsError);
        Assert.Contains(engines.StructuredContent!.Value.GetProperty("engines").EnumerateArray(), e => e.GetProperty("name").GetString() == "apertium");

        var video = TestMedia.SpeechVideo(Path.Combine(_temp.Path, "media"), seconds: 3);
        if (names.Contains("analyze_media"))
        {
            // The media analysis tool, once registered: `input` (or its first required argument) is the file to analyze.
            var schema = (await client.ListToolsAsync()).Single(t => t.Name == "analyze_media").JsonSchema;
            var input = schema.GetProperty("properties").TryGetProperty("input", out _) ? "input" : schema.GetProperty("required")[0].GetString()!;
            var analysis = await client.CallToolAsync("analyze_media", new Dictionary<string, object?> { [input] = video });
            Assert.True(analysis.IsError != true, analysis.Text());
            Assert.Contains("3", analysis.Text());
        }
        var messages = new List<string>();
        var run = await client.CallToolAsync("run_pipeline",
            new Dictionary<string, object?> { ["recipe"] = "transcribe", ["inputs"] = new Dictionary<string, object?> { ["video"] = video } },
            new Collect(messages));
        Assert.True(run.IsError != true, run.Text());
        var steps = run.ToolResult().GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()).ToList();
        Assert.Equal(["separate", "transcribe", "diarize"], steps);
        // The server sends every notification before its response, but the client may hand them to us a little later.
        await Eventually.WaitAsync(() => Received(messages, "transcribe:"));
        lock (messages) Assert.Contains(messages, m => m.StartsWith("transcribe:", StringComparison.Ordinal));
        var job = run.JobId();
        var status = await client.CallToolAsync("get_job", new Dictionary<string, object?> { ["job"] = job });
        Assert.Contains(status.StructuredContent!.Value.GetProperty("artifacts").EnumerateArray(),
            a => a.GetProperty("uri").GetString()!.EndsWith("/transcribe/transcript.json", StringComparison.Ordinal));

        var cases = new (Dictionary<string, object?> Arguments, string Expected)[]
        {
            (new() { ["input"] = 42 }, "must be a string"),
            (new() { ["input"] = Path.Combine(_temp.Path, "media", "missing.mp4") }, "missing.mp4"),
            (new() { ["input"] = "/etc/hostname" }, "outside the folders"),
            (new() { ["input"] = video, ["engine"] = "no-such-engine" }, "Unknown transcribe engine 'no-such-engine'"),
            (new() { ["input"] = video, ["job"] = "20990101-000000000-dead" }, "Unknown job"),
        };
        foreach (var (arguments, expected) in cases)
        {
            var result = await client.CallToolAsync("transcribe", arguments);
            Assert.True(result.IsError, $"{expected}: {result.Text()}");
            Assert.Contains(expected, result.Text());
        }
        var unknownJob = await client.CallToolAsync("get_job", new Dictionary<string, object?> { ["job"] = "nope" });
        Assert.True(unknownJob.IsError);
        Assert.NotEmpty(await client.ListToolsAsync());
    }

    private static bool Received(List<string> messages, string prefix)
    {
        lock (messages) return messages.Any(m => m.StartsWith(prefix, StringComparison.Ordinal));
    }

    private sealed class Collect(List<string> into) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value)
        {
            lock (into) into.Add(value.Message ?? "");
        }
    }
}
