using System.Diagnostics;
using System.Text.Json;
using DubAgent.Server.Tests.Support;
using DubAgent.Server.Transports;

namespace DubAgent.Server.Tests.EndToEnd;

/// <summary>
/// A client not written here: tests/mcp-node/client.mjs on the official TypeScript SDK, over stdio (the built CLI) and
/// over HTTP. Runs when `npm ci` has installed tests/mcp-node/node_modules (`./dubagent test` does).
/// </summary>
public sealed class NodeClientTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// Whether the TypeScript SDK is installed. Under CI (CI=true, where `./dubagent test` runs `npm ci` first) a missing
    /// SDK is a failure, not a quiet pass: otherwise this test could never fail there.
    /// </summary>
    private static bool Installed
    {
        get
        {
            var installed = Directory.Exists(Path.Combine(BuiltCli.NodeClientFolder, "node_modules", "@modelcontextprotocol", "sdk"));
            if (!installed && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException("tests/mcp-node/node_modules is missing under CI: `npm ci` in tests/mcp-node did not run.");
            return installed;
        }
    }

    [Fact]
    public async Task The_typescript_sdk_lists_and_calls_tools_over_stdio()
    {
        if (!Installed) return; // npm ci in tests/mcp-node installs the SDK; the test command does it.
        var video = TestMedia.SpeechVideo(_temp.Sub("media"));
        // --wait 50: the answer comes in the foreground even on a loaded machine, within the SDK's default 60 s timeout.
        var report = await RunNodeAsync("stdio", "dotnet", BuiltCli.Dll, "serve", "--root", _temp.Sub("media"), "--jobs", _temp.Sub("jobs"),
            "--wait", "50", "--call", "transcribe", JsonSerializer.Serialize(new { input = video, language = "en" }));
        Assert.Contains("transcribe", report.GetProperty("names").EnumerateArray().Select(n => n.GetString()));
        var call = report.GetProperty("call");
        Assert.False(call.GetProperty("isError").GetBoolean(), call.GetProperty("text").GetString());
        Assert.Contains(call.GetProperty("links").EnumerateArray(), l => l.GetString()!.EndsWith("/transcribe/transcript.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_typescript_sdk_calls_a_tool_on_media_over_http_with_a_token()
    {
        if (!Installed) return;
        var server = TestServices.Server(_temp);
        await using var host = await McpHttpHost.StartAsync(server, HttpBinding.Parse("127.0.0.1:0", "node-token"), CancellationToken.None);
        var video = TestMedia.Video(Path.Combine(_temp.Path, "media"));
        var report = await RunNodeAsync("http", host.Endpoint.ToString(), "--token", "node-token",
            "--call", "probe_test_media", JsonSerializer.Serialize(new { input = video }));
        Assert.Contains("probe_test_media", report.GetProperty("names").EnumerateArray().Select(n => n.GetString()));
        var call = report.GetProperty("call");
        Assert.False(call.GetProperty("isError").GetBoolean(), call.GetProperty("text").GetString());
        Assert.InRange(call.GetProperty("structured").GetProperty("result").GetProperty("duration").GetDouble(), 1.9, 2.2);
        Assert.Single(call.GetProperty("links").EnumerateArray());
    }

    [Fact]
    public async Task Over_http_a_client_announcing_the_whole_disk_as_its_root_still_reads_only_inside_root()
    {
        if (!Installed) return;
        var server = TestServices.Server(_temp);
        await using var host = await McpHttpHost.StartAsync(server, HttpBinding.Parse("127.0.0.1:0", "node-token"), CancellationToken.None);
        var outside = TestMedia.Video(_temp.Sub("elsewhere"));
        var report = await RunNodeAsync("http", host.Endpoint.ToString(), "--token", "node-token", "--roots", "file:///",
            "--call", "probe_test_media", JsonSerializer.Serialize(new { input = outside }));
        var call = report.GetProperty("call");
        Assert.True(call.GetProperty("isError").GetBoolean(), call.GetProperty("text").GetString());
        Assert.Contains("outside the folders this server may read", call.GetProperty("text").GetString());

        var inside = TestMedia.Video(_temp.Sub("media"));
        var allowed = await RunNodeAsync("http", host.Endpoint.ToString(), "--token", "node-token", "--roots", "file:///",
            "--call", "probe_test_media", JsonSerializer.Serialize(new { input = inside }));
        Assert.False(allowed.GetProperty("call").GetProperty("isError").GetBoolean(), allowed.GetProperty("call").GetProperty("text").GetString());
    }

    /// <summary>The real registry over each transport and revision: every tool listed with its input and output schema.</summary>
    [Theory]
    [InlineData("stdio", "2025-11-25")]
    [InlineData("stdio", "2026-07-28")]
    [InlineData("http", "2025-11-25")]
    [InlineData("http", "2026-07-28")]
    public async Task Every_tool_is_listed_with_both_schemas(string transport, string revision)
    {
        if (!Installed) return;
        string[] call = ["--revision", revision, "--call", "list_engines", """{"capability": "translate"}"""];
        JsonElement report;
        if (transport == "stdio")
        {
            report = await RunNodeAsync(["stdio", "dotnet", BuiltCli.Dll, "serve", "--jobs", _temp.Sub("jobs"), .. call]);
        }
        else
        {
            await using var serve = await ServeProcess.StartHttpAsync("--jobs", _temp.Sub("jobs"));
            report = await RunNodeAsync(["http", serve.Endpoint.ToString(), .. call]);
        }
        Assert.Equal(revision, report.GetProperty("revision").GetString());
        var schemas = report.GetProperty("schemas").EnumerateObject().ToList();
        Assert.True(schemas.Count >= 14, string.Join(", ", schemas.Select(s => s.Name)));
        foreach (var tool in schemas)
        {
            Assert.True(tool.Value.GetProperty("input").ValueKind == JsonValueKind.Object, $"{tool.Name} has no inputSchema");
            Assert.True(tool.Value.GetProperty("output").ValueKind == JsonValueKind.Object, $"{tool.Name} has no outputSchema");
            Assert.True(tool.Value.GetProperty("annotations").ValueKind == JsonValueKind.Object, $"{tool.Name} has no annotations");
        }
        // The client checked the structured result against list_engines' output schema before handing it over.
        var answer = report.GetProperty("call");
        Assert.False(answer.GetProperty("isError").GetBoolean(), answer.GetProperty("text").GetString());
        Assert.Contains(answer.GetProperty("structured").GetProperty("engines").EnumerateArray(), e => e.GetProperty("name").GetString() == "apertium");
    }

    /// <summary>
    /// A whole dub through a client with the SDK's default settings (60 s request timeout, not reset by progress), on
    /// each protocol revision: run_pipeline answers "working" with the job (the server is told to answer after 2 s, so
    /// even this short dub outlives it), the client follows with get_job until the job ends and reads every deliverable
    /// as a resource, the dubbed video first.
    /// </summary>
    [Theory]
    [InlineData("stdio", "2025-11-25")]
    [InlineData("http", "2026-07-28")]
    public async Task A_client_with_default_settings_dubs_a_video_and_reads_its_outputs(string transport, string revision)
    {
        if (!Installed) return;
        var video = TestMedia.SpeechVideo(_temp.Sub("media"));
        var call = new[] { "--revision", revision, "--follow", "--call", "run_pipeline",
            JsonSerializer.Serialize(new { recipe = "dub", inputs = new { video, budget = "low" } }) };
        JsonElement report;
        if (transport == "stdio")
        {
            report = await RunNodeAsync(["stdio", "dotnet", BuiltCli.Dll, "serve", "--root", _temp.Sub("media"), "--jobs", _temp.Sub("jobs"), "--wait", "2", .. call]);
        }
        else
        {
            await using var serve = await ServeProcess.StartHttpAsync("--root", _temp.Sub("media"), "--jobs", _temp.Sub("jobs"), "--wait", "2");
            report = await RunNodeAsync(["http", serve.Endpoint.ToString(), .. call]);
        }

        Assert.Equal(revision, report.GetProperty("revision").GetString());
        var answer = report.GetProperty("call");
        Assert.False(answer.GetProperty("isError").GetBoolean(), answer.GetProperty("text").GetString());
        Assert.Equal("working", answer.GetProperty("structured").GetProperty("status").GetString());
        var job = answer.GetProperty("structured").GetProperty("job").GetString();
        Assert.Contains($"dubagent://jobs/{job}", answer.GetProperty("links").EnumerateArray().Select(l => l.GetString()));

        var follow = report.GetProperty("follow");
        Assert.Equal("succeeded", follow.GetProperty("status").GetString());
        Assert.Equal("succeeded", follow.GetProperty("stateResource").GetString());
        var files = follow.GetProperty("files").EnumerateArray().ToList();
        Assert.All(files, f => Assert.True(f.GetProperty("error").ValueKind == JsonValueKind.Null, f.GetProperty("error").ToString()));
        Assert.Equal("video/mp4", files[0].GetProperty("mimeType").GetString());
        Assert.Equal(files[0].GetProperty("bytes").GetInt64(), files[0].GetProperty("read").GetInt64());
        Assert.Equal("application/zip", files[1].GetProperty("mimeType").GetString());
        var names = files.Select(f => f.GetProperty("uri").GetString()!).ToList();
        Assert.Contains(names, n => n.EndsWith(".srt", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith("/translate/translation.json", StringComparison.Ordinal));
        // The mix (17.3 MB for the demo) comes back whole: under the 64 MB default resource limit.
        var mix = Assert.Single(files, f => f.GetProperty("uri").GetString()!.EndsWith("/mix/mix.wav", StringComparison.Ordinal));
        Assert.Equal(mix.GetProperty("bytes").GetInt64(), mix.GetProperty("read").GetInt64());
        Assert.DoesNotContain(names, n => n.EndsWith("/step.json", StringComparison.Ordinal) || n.EndsWith("/hashes.json", StringComparison.Ordinal));
    }

    /// <summary>run_pipeline with review: the SDK's elicitation handler edits the overflowing line, the run goes on with it.</summary>
    [Theory]
    [InlineData("stdio", "2025-11-25")]
    [InlineData("stdio", "2026-07-28")]
    [InlineData("http", "2025-11-25")]
    [InlineData("http", "2026-07-28")]
    public async Task The_typescript_sdk_reviews_a_translation_through_elicitation(string transport, string revision)
    {
        if (!Installed) return;
        var media = _temp.Sub("media");
        var recipe = Path.Combine(media, "review.yaml");
        var transcript = Path.Combine(media, "transcript.json");
        await File.WriteAllTextAsync(recipe, ReviewTests.Recipe);
        await File.WriteAllTextAsync(transcript, ReviewTests.Transcript);
        string[] serve = ["--root", media, "--jobs", _temp.Sub("jobs"), "--wait", "50"];
        string[] call = ["--revision", revision, "--elicit", """{"seg_0001": "Lo vemos mañana."}""", "--call", "run_pipeline",
            JsonSerializer.Serialize(new { recipe, review = true, inputs = new { transcript } })];
        JsonElement report;
        if (transport == "stdio")
        {
            report = await RunNodeAsync(["stdio", "dotnet", BuiltCli.Dll, "serve", .. serve, .. call]);
        }
        else
        {
            await using var http = await ServeProcess.StartHttpAsync(serve);
            report = await RunNodeAsync(["http", http.Endpoint.ToString(), .. call]);
        }

        var answer = report.GetProperty("call");
        Assert.False(answer.GetProperty("isError").GetBoolean(), answer.GetProperty("text").GetString());
        var form = Assert.Single(report.GetProperty("elicitations").EnumerateArray());
        Assert.Equal(["seg_0001"], form.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        var structured = answer.GetProperty("structured");
        Assert.Equal("succeeded", structured.GetProperty("status").GetString());
        Assert.Equal(["cached", "ran"], structured.GetProperty("result").GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
        var subtitles = Path.Combine(_temp.Path, "jobs", structured.GetProperty("job").GetString()!, "subtitles");
        Assert.Contains("Lo vemos mañana.", string.Join("\n", Directory.EnumerateFiles(subtitles, "*.srt", SearchOption.AllDirectories).Select(File.ReadAllText)));
    }

    private static async Task<JsonElement> RunNodeAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("node") { WorkingDirectory = BuiltCli.NodeClientFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("client.mjs");
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Generous: a whole dub on a loaded machine.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"node client failed ({process.ExitCode}): {await stderr}");
        return JsonDocument.Parse((await stdout).Trim().Split('\n')[^1]).RootElement.Clone();
    }
}
