using System.Text.Json;
using DubAgent.Server.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace DubAgent.Server.Tests.EndToEnd;

/// <summary>The server's behaviour end to end through the SDK's own client, over an in-process stream pair.</summary>
public sealed class ServerToolsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Media => Path.Combine(_temp.Path, "media");

    [Fact]
    public async Task Lists_registry_tools_and_the_servers_own_with_job_arguments()
    {
        await using var connection = await PipeConnection.OpenAsync(TestServices.Server(_temp));
        var tools = await connection.Client.ListToolsAsync();
        var names = tools.Select(t => t.Name).ToList();
        Assert.Contains("probe_test_media", names);
        Assert.Contains("list_engines", names);
        Assert.Contains("get_job", names);
        Assert.Contains("cancel_job", names);
        var probe = tools.Single(t => t.Name == "probe_test_media").JsonSchema;
        Assert.Equal("string", probe.GetProperty("properties").GetProperty("input").GetProperty("type").GetString());
        Assert.True(probe.GetProperty("properties").TryGetProperty("job", out _));
        Assert.Contains("input", probe.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.False(tools.Single(t => t.Name == "get_job").JsonSchema.GetProperty("properties").TryGetProperty("background", out _));
    }

    [Fact]
    public async Task Calls_a_tool_on_real_media_and_serves_its_output_as_a_resource()
    {
        var video = TestMedia.Video(Media);
        await using var connection = await PipeConnection.OpenAsync(TestServices.Server(_temp));
        var result = await connection.Client.CallToolAsync("probe_test_media", new Dictionary<string, object?> { ["input"] = video });

        Assert.NotEqual(true, result.IsError);
        Assert.InRange(result.ToolResult().GetProperty("duration").GetDouble(), 1.9, 2.2);
        Assert.Equal(2, result.ToolResult().GetProperty("streams").GetInt32());
        var link = Assert.Single(result.Content.OfType<ResourceLinkBlock>());
        Assert.StartsWith("dubagent://jobs/", link.Uri);
        Assert.EndsWith("/probe_test_media/probe.json", link.Uri);

        var read = await connection.Client.ReadResourceAsync(link.Uri);
        var text = Assert.IsType<TextResourceContents>(Assert.Single(read.Contents));
        Assert.Contains("duration", text.Text);
        var listed = await connection.Client.ListResourcesAsync();
        Assert.Contains(listed, r => r.Uri == link.Uri);
        var templates = await connection.Client.ListResourceTemplatesAsync();
        Assert.Contains(templates, t => t.UriTemplate == "dubagent://jobs/{job}/{step}/{file}");

        // A second call in the same job gets its own step folder beside the first.
        var job = result.JobId();
        var again = await connection.Client.CallToolAsync("probe_test_media", new Dictionary<string, object?> { ["input"] = video, ["job"] = job });
        Assert.Contains("/probe_test_media-2/probe.json", Assert.Single(again.Content.OfType<ResourceLinkBlock>()).Uri);
        var status = await connection.Client.CallToolAsync("get_job", new Dictionary<string, object?> { ["job"] = job });
        Assert.Equal(2, status.StructuredContent!.Value.GetProperty("steps").GetArrayLength());
        Assert.Equal("succeeded", status.StructuredContent!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Sends_progress_notifications_for_a_call_with_a_progress_token()
    {
        await using var connection = await PipeConnection.OpenAsync(TestServices.Server(_temp));
        var updates = new List<ProgressNotificationValue>();
        var progress = new SynchronousProgress(updates);
        var result = await connection.Client.CallToolAsync("count_test",
            new Dictionary<string, object?> { ["steps"] = 5, ["delay_ms"] = 150 }, progress);

        Assert.NotEqual(true, result.IsError);
        // The server sends every notification before the response, but the SDK client stops listening when the
        // response arrives and may drop the last one; the ones before it must all be there, in order.
        for (var i = 0; i < 250 && Last(updates)?.Progress != 100; i++) await Task.Delay(20);
        lock (updates)
        {
            Assert.True(updates.Count >= 3, $"only {updates.Count} progress notifications");
            Assert.True(updates[^1].Progress >= 60, $"last progress {updates[^1].Progress}");
            Assert.StartsWith("step ", updates[^1].Message);
            Assert.All(updates, u => Assert.Equal(100, u.Total));
            Assert.True(updates.Zip(updates.Skip(1)).All(p => p.First.Progress <= p.Second.Progress));
        }
    }

    [Fact]
    public async Task Cancelling_the_request_stops_the_tool_and_the_server_keeps_serving()
    {
        await using var connection = await PipeConnection.OpenAsync(TestServices.Server(_temp));
        await CancelledCall.StartThenCancelAsync(connection.Client, "count_test",
            new System.Text.Json.Nodes.JsonObject { ["steps"] = 200, ["delay_ms"] = 50 });

        var job = Path.GetFileName(Assert.Single(Directory.GetDirectories(Path.Combine(_temp.Path, "jobs"))));
        JsonElement status = default;
        for (var i = 0; i < 100; i++)
        {
            status = (await connection.Client.CallToolAsync("get_job", new Dictionary<string, object?> { ["job"] = job })).StructuredContent!.Value;
            if (status.GetProperty("status").GetString() == "cancelled") break;
            await Task.Delay(50);
        }
        Assert.Equal("cancelled", status.GetProperty("status").GetString());
        Assert.False(File.Exists(Path.Combine(_temp.Path, "jobs", job, "count_test", "count.txt")));
        Assert.NotEmpty(await connection.Client.ListToolsAsync());
    }

    [Fact]
    public async Task Cancel_job_stops_a_background_call()
    {
        await using var connection = await PipeConnection.OpenAsync(TestServices.Server(_temp));
        var started = await connection.Client.CallToolAsync("count_test",
            new Dictionary<string, object?> { ["steps"] = 400, ["delay_ms"] = 25, ["background"] = true });
        Assert.Contains("started in the background", started.Text());
        var job = started.JobId();

        var running = await connection.Client.CallToolAsync("get_job", new Dictionary<string, object?> { ["job"] = job });
        Assert.Contains(running.StructuredContent!.Value.GetProperty("status").GetString(), new[] { "running", "queued" });

        var cancelled = await connection.Client.CallToolAsync("cancel_job", new Dictionary<string, object?> { ["job"] = job });
        Assert.Equal(1, cancelled.StructuredContent!.Value.GetProperty("stopped").GetInt32());
        var status = cancelled.StructuredContent!.Value.GetProperty("status").GetString();
        for (var i = 0; i < 1200 && status != "cancelled"; i++) // up to a minute on a loaded machine
        {
            await Task.Delay(50);
            status = (await connection.Client.CallToolAsync("get_job", new Dictionary<string, object?> { ["job"] = job })).StructuredContent!.Value.GetProperty("status").GetString();
        }
        Assert.Equal("cancelled", status);
        Assert.False(File.Exists(Path.Combine(_temp.Path, "jobs", job, "count_test", "count.txt")));
    }

    [Fact]
    public async Task Calls_beyond_the_limit_wait_their_turn()
    {
        await using var connection = await PipeConnection.OpenAsync(TestServices.Server(_temp, maxCalls: 1));
        var messages = new List<ProgressNotificationValue>();
        // The second call goes out once the first reports a step (it holds the only slot), and the first runs long
        // enough (3 s) to still hold it when the second arrives, however loaded the machine.
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = connection.Client.CallToolAsync("count_test", new Dictionary<string, object?> { ["steps"] = 60, ["delay_ms"] = 50 },
            new SynchronousProgress([], () => running.TrySetResult())).AsTask();
        await running.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var second = await connection.Client.CallToolAsync("count_test",
            new Dictionary<string, object?> { ["steps"] = 2, ["delay_ms"] = 10 }, new SynchronousProgress(messages));
        var firstResult = await first;
        Assert.NotEqual(true, firstResult.IsError);
        Assert.NotEqual(true, second.IsError);
        lock (messages) Assert.StartsWith("queued", messages[0].Message);
    }

    [Theory]
    [InlineData("{\"input\": 42}", "must be a string")]
    [InlineData("{}", "needs the argument 'input'")]
    [InlineData("{\"input\": \"MEDIA/missing.mp4\"}", "missing.mp4")]
    [InlineData("{\"input\": \"/etc/passwd\"}", "outside the folders")]
    [InlineData("{\"input\": \"MEDIA/../../../etc/passwd\"}", "'..' climbs out")]
    [InlineData("{\"input\": \"MEDIA/clip.mp4\", \"job\": \"20990101-000000-nojob\"}", "Unknown job '20990101-000000-nojob'")]
    [InlineData("{\"input\": \"MEDIA/clip.mp4\", \"min_seconds\": \"lots\"}", "must be a number")]
    public async Task Bad_arguments_are_tool_errors_with_a_clear_text_and_the_server_keeps_serving(string arguments, string expected)
    {
        TestMedia.Video(Media);
        await using var connection = await PipeConnection.OpenAsync(TestServices.Server(_temp));
        var json = JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments.Replace("MEDIA", Media))!;
        var result = await connection.Client.CallToolAsync("probe_test_media", json);
        Assert.True(result.IsError);
        Assert.Contains(expected, result.Text());
        Assert.DoesNotContain("   at ", result.Text());
        Assert.Contains("hint:", result.Text());

        var after = await connection.Client.ListToolsAsync();
        Assert.NotEmpty(after);
    }

    [Fact]
    public async Task Unknown_job_in_get_job_is_a_tool_error()
    {
        await using var connection = await PipeConnection.OpenAsync(TestServices.Server(_temp));
        var result = await connection.Client.CallToolAsync("get_job", new Dictionary<string, object?> { ["job"] = "../../etc" });
        Assert.True(result.IsError);
        Assert.Contains("Unknown job '../../etc'", result.Text());
    }

    [Fact]
    public async Task A_symbolic_link_out_of_the_roots_is_refused()
    {
        var outside = _temp.Sub("outside");
        TestMedia.Video(outside, "secret.mp4");
        Directory.CreateDirectory(Media);
        File.CreateSymbolicLink(Path.Combine(Media, "link.mp4"), Path.Combine(outside, "secret.mp4"));
        await using var connection = await PipeConnection.OpenAsync(TestServices.Server(_temp));
        var result = await connection.Client.CallToolAsync("probe_test_media",
            new Dictionary<string, object?> { ["input"] = Path.Combine(Media, "link.mp4") });
        Assert.True(result.IsError);
        Assert.Contains("symbolic link", result.Text());
    }

    [Fact]
    public async Task Roots_the_client_announces_are_allowed()
    {
        var clientFolder = _temp.Sub("client-root");
        var video = TestMedia.Video(clientFolder);
        var options = new McpClientOptions
        {
            Capabilities = new ClientCapabilities { Roots = new RootsCapability() },
            Handlers = new McpClientHandlers
            {
                RootsHandler = (_, _) => ValueTask.FromResult(new ListRootsResult { Roots = [new Root { Uri = new Uri(clientFolder).AbsoluteUri, Name = "clips" }] }),
            },
        };
        await using var connection = await PipeConnection.OpenAsync(TestServices.Server(_temp), options);
        var result = await connection.Client.CallToolAsync("probe_test_media", new Dictionary<string, object?> { ["input"] = video });
        Assert.NotEqual(true, result.IsError);
    }

    [Fact]
    public async Task Model_client_uses_the_callers_sampling_or_says_clearly_it_cannot()
    {
        await using (var without = await PipeConnection.OpenAsync(TestServices.Server(_temp)))
        {
            var refused = await without.Client.CallToolAsync("ask_caller_test",
                new Dictionary<string, object?> { ["question"] = "hi", ["model"] = "client" });
            Assert.True(refused.IsError);
            Assert.Contains("does not offer MCP sampling", refused.Text());
        }

        var options = new McpClientOptions
        {
            Capabilities = new ClientCapabilities { Sampling = new SamplingCapability() },
            Handlers = new McpClientHandlers
            {
                SamplingHandler = (request, _, _) => ValueTask.FromResult(new CreateMessageResult
                {
                    Model = "test-model",
                    Role = Role.Assistant,
                    Content = [new TextContentBlock { Text = "hola from the client: " + ((TextContentBlock)request!.Messages[0].Content[0]).Text }],
                }),
            },
        };
        await using var with = await PipeConnection.OpenAsync(TestServices.Server(_temp), options);
        var answered = await with.Client.CallToolAsync("ask_caller_test", new Dictionary<string, object?> { ["question"] = "hi", ["model"] = "client" });
        Assert.NotEqual(true, answered.IsError);
        Assert.Equal("hola from the client: hi", answered.ToolResult().GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Prompts_walk_a_dub_and_show_poorly_fitting_segments()
    {
        var server = TestServices.Server(_temp);
        var job = server.Jobs.Create();
        var step = job.AddStep("translate");
        await File.WriteAllTextAsync(Path.Combine(step.Directory, "translation.json"), """
            { "source_language": "en", "target_language": "es", "segments": [
              { "id": "s1", "start": 0, "end": 2, "text": "Hi.", "target_text": "Hola.", "budget_seconds": 2, "fit_ratio": 0.9 },
              { "id": "s2", "start": 2, "end": 3, "text": "Go now.", "target_text": "Vete ahora mismo, por favor, rápido.", "budget_seconds": 1, "fit_ratio": 1.8 },
              { "id": "s3", "start": 3, "end": 6, "text": "Long line here", "target_text": "Sí.", "budget_seconds": 3, "fit_ratio": 0.2 } ] }
            """);
        await using var connection = await PipeConnection.OpenAsync(server);
        var prompts = await connection.Client.ListPromptsAsync();
        Assert.Contains(prompts, p => p.Name == "dub_video");

        var dub = await connection.Client.GetPromptAsync("dub_video", new Dictionary<string, object?> { ["video"] = "/v/a.mp4", ["target_language"] = "es" });
        Assert.Contains("analyze_media", ((TextContentBlock)dub.Messages[0].Content).Text);

        var review = await connection.Client.GetPromptAsync("review_translation", new Dictionary<string, object?> { ["translation"] = job.Id });
        var text = ((TextContentBlock)review.Messages[0].Content).Text;
        Assert.Contains("[s2]", text);
        Assert.Contains("[s3]", text);
        Assert.DoesNotContain("[s1]", text);
        Assert.True(text.IndexOf("[s2]", StringComparison.Ordinal) < text.IndexOf("[s3]", StringComparison.Ordinal) || text.Contains("[s3]"));
    }

    private static ProgressNotificationValue? Last(List<ProgressNotificationValue> updates)
    {
        lock (updates) return updates.Count == 0 ? null : updates[^1];
    }
}
