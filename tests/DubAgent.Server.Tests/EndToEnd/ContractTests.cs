using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Server.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace DubAgent.Server.Tests.EndToEnd;

/// <summary>
/// The protocol contract: both schemas and truthful annotations on every tool, -32602 naming the field for bad params,
/// -32700 for a line that is not JSON, logging that honours the client's level, completions, and no answer to a
/// subscription the server does not offer.
/// </summary>
public sealed class ContractTests : IDisposable
{
    private const string Sessions = "2025-11-25";
    private const string Stateless = "2026-07-28";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The real registry through the built CLI: every tool, not only the test tools.</summary>
    [Fact]
    public async Task Every_tool_has_both_schemas_required_arguments_and_truthful_annotations()
    {
        await using var client = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "dubagent",
            Command = "dotnet",
            Arguments = [BuiltCli.Dll, "serve", "--jobs", _temp.Sub("jobs")],
        }), new McpClientOptions { DiscoverProbeTimeout = TimeSpan.FromSeconds(60), InitializationTimeout = TimeSpan.FromSeconds(90) });
        var tools = (await client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool);
        Assert.True(tools.Count >= 14, string.Join(", ", tools.Keys));

        foreach (var (name, tool) in tools)
        {
            Assert.Equal("object", tool.InputSchema.GetProperty("type").GetString());
            var output = tool.OutputSchema ?? throw new Xunit.Sdk.XunitException($"{name} has no outputSchema");
            Assert.Equal("object", output.GetProperty("type").GetString());
            Assert.NotNull(tool.Annotations);
        }

        string[] Required(string tool) => tools[tool].InputSchema.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).ToArray();
        Assert.Contains("input", Required("analyze_media"));
        Assert.Contains("transcript", Required("translate"));
        Assert.Contains("target_language", Required("translate"));
        Assert.Contains("input", Required("transcribe"));
        Assert.DoesNotContain("loudness", Required("analyze_media"));
        // run_pipeline takes `recipe` for a new run or `resume` for a paused job: neither is required alone (one of them is checked per call).
        Assert.False(tools["run_pipeline"].InputSchema.TryGetProperty("required", out var runRequired) && runRequired.GetArrayLength() > 0);

        // A job call's result is the envelope, its `result` the tool's own typed result.
        var transcribe = tools["transcribe"].OutputSchema!.Value;
        Assert.Contains("status", transcribe.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.True(transcribe.GetProperty("properties").GetProperty("result").GetProperty("properties").TryGetProperty("transcript_path", out _));
        Assert.True(tools["list_engines"].OutputSchema!.Value.GetProperty("properties").TryGetProperty("engines", out _));

        Assert.False(tools["cancel_job"].Annotations!.ReadOnlyHint);
        Assert.True(tools["cancel_job"].Annotations!.DestructiveHint);
        Assert.True(tools["get_job"].Annotations!.ReadOnlyHint);
        Assert.True(tools["list_engines"].Annotations!.ReadOnlyHint);
        Assert.False(tools["transcribe"].Annotations!.ReadOnlyHint);
        Assert.False(tools["transcribe"].Annotations!.DestructiveHint);
        Assert.False(tools["transcribe"].Annotations!.IdempotentHint);
        Assert.True(tools["translate"].Annotations!.OpenWorldHint);
        Assert.False(tools["mix"].Annotations!.OpenWorldHint);

        var translators = await client.CompleteAsync(new PromptReference { Name = "dub_video" }, "translator", "");
        Assert.Contains("apertium", translators.Completion.Values);
    }

    /// <summary>Raw lines after a 2025-11-25 handshake: what an SDK client would refuse to send.</summary>
    [Theory]
    [InlineData("tools/call", """{"name": 5}""", "'name' must be a string")]
    [InlineData("tools/call", """{"name": "get_job", "arguments": "x"}""", "'arguments' must be a JSON object")]
    [InlineData("tools/call", "\"str\"", "params must be a JSON object")]
    [InlineData("resources/read", "{}", "'uri' is missing")]
    [InlineData("logging/setLevel", """{"level": "loud"}""", "'level' must be one of debug")]
    public async Task Params_the_sdk_cannot_read_answer_invalid_params_naming_the_field(string method, string parameters, string expected)
    {
        await using var raw = await RawStdio.StartAsync(TestServices.Server(_temp));
        await raw.InitializeAsync();
        var answer = await raw.AskAsync($$"""{"jsonrpc":"2.0","id":42,"method":"{{method}}","params":{{parameters}}}""");
        Assert.Equal(42, answer.GetProperty("id").GetInt32());
        var error = answer.GetProperty("error");
        Assert.Equal((int)McpErrorCode.InvalidParams, error.GetProperty("code").GetInt32());
        var message = error.GetProperty("message").GetString()!;
        Assert.True(message.Contains(expected, StringComparison.Ordinal), message);
        Assert.Contains(method, message);
    }

    [Theory]
    [InlineData("hello, not json", -32700, "Parse error: line 1 is not JSON")]
    [InlineData("[1, 2]", -32600, "not an object")]
    [InlineData("""{"id": 3, "method": "tools/list"}""", -32600, "\"jsonrpc\": \"2.0\"")]
    public async Task A_stdio_line_that_is_not_a_json_rpc_message_gets_its_error_answer(string line, int code, string expected)
    {
        await using var raw = await RawStdio.StartAsync(TestServices.Server(_temp));
        var answer = await raw.AskAsync(line);
        Assert.Equal(code, answer.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains(expected, answer.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(line.Contains("\"id\": 3") ? JsonValueKind.Number : JsonValueKind.Null, answer.GetProperty("id").ValueKind);

        // The server still serves: the next line is a real request.
        var initialized = await raw.InitializeAsync();
        Assert.Equal("2025-11-25", initialized.GetProperty("result").GetProperty("protocolVersion").GetString());
    }

    [Theory]
    [InlineData(Sessions)]
    [InlineData(Stateless)]
    public async Task Tools_list_is_answered_whole_with_how_long_a_client_may_keep_it(string revision)
    {
        var server = TestServices.Server(_temp);
        await using var connection = await PipeConnection.OpenAsync(server, new McpClientOptions { ProtocolVersion = revision });

        var first = await connection.Client.ListToolsAsync(new ListToolsRequestParams());
        var second = await connection.Client.ListToolsAsync(new ListToolsRequestParams());

        Assert.Equal(server.Tools.Select(t => t.Name), first.Tools.Select(t => t.Name));
        Assert.Null(first.NextCursor);
        Assert.All(first.Tools, t => Assert.NotNull(t.OutputSchema));
        Assert.Equal(TimeSpan.FromMinutes(5), first.TimeToLive);
        Assert.Equal(CacheScope.Public, first.CacheScope);
        // Each answer stands alone (a fresh node over the same bytes): the same list, schema for schema.
        Assert.Equal(JsonSerializer.Serialize(first.Tools, McpJsonUtilities.DefaultOptions), JsonSerializer.Serialize(second.Tools, McpJsonUtilities.DefaultOptions));
    }

    [Theory]
    [InlineData(Sessions)]
    [InlineData(Stateless)]
    public async Task Resource_subscriptions_are_refused_because_they_are_not_offered(string revision)
    {
        await using var connection = await PipeConnection.OpenAsync(TestServices.Server(_temp), new McpClientOptions { ProtocolVersion = revision });
        Assert.NotEqual(true, connection.Client.ServerCapabilities.Resources?.Subscribe);
        var error = await Assert.ThrowsAsync<McpProtocolException>(() => connection.Client.SubscribeToResourceAsync("dubagent://jobs/x/y/z"));
        Assert.Equal(McpErrorCode.MethodNotFound, error.ErrorCode);
        // 2026-07-28 removed the method (the SDK refuses it); on 2025-11-25 DubAgent says what to do instead.
        if (revision == Sessions) Assert.Contains("get_job", error.Message);
    }

    [Fact]
    public async Task Log_notifications_follow_the_level_the_client_set_for_its_session()
    {
        var received = new List<LoggingMessageNotificationParams>();
        var options = new McpClientOptions
        {
            ProtocolVersion = Sessions,
            Handlers = new McpClientHandlers
            {
                NotificationHandlers =
                [
                    new(NotificationMethods.LoggingMessageNotification, (notification, _) =>
                    {
                        var message = JsonSerializer.Deserialize<LoggingMessageNotificationParams>(notification.Params, McpJsonUtilities.DefaultOptions)!;
                        lock (received) received.Add(message);
                        return ValueTask.CompletedTask;
                    }),
                ],
            },
        };
        await using var connection = await PipeConnection.OpenAsync(TestServices.Server(_temp), options);
        var count = new Dictionary<string, object?> { ["steps"] = 1, ["delay_ms"] = 10 };

        // Before the client asks, nothing is sent.
        await connection.Client.CallToolAsync("count_test", count);
        await Task.Delay(300);
        lock (received) Assert.Empty(received);

        await connection.Client.SetLoggingLevelAsync(LoggingLevel.Info);
        await connection.Client.CallToolAsync("count_test", count);
        await Eventually.WaitAsync(() => { lock (received) return received.Any(m => m.Data.ToString().Contains("finished", StringComparison.Ordinal)); });
        lock (received)
        {
            Assert.Contains(received, m => m.Level == LoggingLevel.Info && m.Data.ToString().Contains("count_test started", StringComparison.Ordinal));
            Assert.Contains(received, m => m.Level == LoggingLevel.Info && m.Data.ToString().Contains("count_test finished", StringComparison.Ordinal));
            received.Clear();
        }

        await connection.Client.SetLoggingLevelAsync(LoggingLevel.Error);
        await connection.Client.CallToolAsync("count_test", count);
        await Task.Delay(300);
        lock (received) Assert.DoesNotContain(received, m => m.Level < LoggingLevel.Error);
    }

    /// <summary>2026-07-28 has no logging/setLevel: each request carries its level in _meta (raw, as the C# client drops it).</summary>
    [Theory]
    [InlineData(null, 0)]
    [InlineData("info", 2)]
    [InlineData("error", 0)]
    public async Task Log_notifications_follow_a_2026_requests_own_level(string? level, int expected)
    {
        await using var raw = await RawStdio.StartAsync(TestServices.Server(_temp));
        var meta = new JsonObject
        {
            ["io.modelcontextprotocol/protocolVersion"] = Stateless,
            ["io.modelcontextprotocol/clientInfo"] = new JsonObject { ["name"] = "raw", ["version"] = "1" },
            ["io.modelcontextprotocol/clientCapabilities"] = new JsonObject(),
        };
        if (level is not null) meta["io.modelcontextprotocol/logLevel"] = level;
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = 5,
            ["method"] = "tools/call",
            ["params"] = new JsonObject { ["name"] = "count_test", ["arguments"] = new JsonObject { ["steps"] = 1, ["delay_ms"] = 10 }, ["_meta"] = meta },
        };
        var lines = await raw.ExchangeAsync(request.ToJsonString(), 5);
        Assert.False(lines[^1].TryGetProperty("error", out var error), error.ToString());
        var logs = lines.Where(l => l.TryGetProperty("method", out var m) && m.GetString() == "notifications/message").ToList();
        Assert.Equal(expected, logs.Count);
    }

    [Fact]
    public async Task Completions_offer_recipes_engines_languages_jobs_and_a_jobs_files()
    {
        var server = TestServices.Server(_temp);
        var job = server.Jobs.Create();
        var step = job.AddStep("translate");
        await File.WriteAllTextAsync(Path.Combine(step.Directory, "translation.json"), "{}");
        await using var connection = await PipeConnection.OpenAsync(server);
        Assert.NotNull(connection.Client.ServerCapabilities.Completions);

        async Task<IList<string>> Complete(Reference reference, string argument, string typed, Dictionary<string, string>? context = null) =>
            (await connection.Client.CompleteAsync(new CompleteRequestParams
            {
                Ref = reference,
                Argument = new Argument { Name = argument, Value = typed },
                Context = context is null ? null : new CompleteContext { Arguments = context },
            })).Completion.Values;

        var dub = new PromptReference { Name = "dub_video" };
        Assert.Contains("es", await Complete(dub, "target_language", "e"));
        Assert.DoesNotContain("fr", await Complete(dub, "target_language", "e"));
        Assert.Contains("dub", await Complete(dub, "recipe", "d"));
        Assert.Equal(["cinematic"], await Complete(dub, "content_type", "ci"));
        Assert.Contains(job.Id, await Complete(new PromptReference { Name = "review_translation" }, "translation", job.Id[..8]));

        var files = new ResourceTemplateReference { Uri = "dubagent://jobs/{job}/{step}/{file}" };
        Assert.Contains(job.Id, await Complete(files, "job", ""));
        Assert.Equal(["translate"], await Complete(files, "step", "", new() { ["job"] = job.Id }));
        Assert.Equal(["translation.json"], await Complete(files, "file", "tr", new() { ["job"] = job.Id, ["step"] = "translate" }));
    }
}
