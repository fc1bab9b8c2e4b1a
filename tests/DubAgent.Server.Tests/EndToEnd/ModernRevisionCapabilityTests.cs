using DubAgent.Server.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace DubAgent.Server.Tests.EndToEnd;

/// <summary>
/// Clients of both revisions over one connection (the stdio message flow, in process): on 2025-11-25 the client's
/// capabilities come once with initialize, on 2026-07-28 each request carries them in its _meta and the server reads
/// them from the request, never from the session (which has none). Sampling (`model: client`) and roots work on both;
/// a client that does not declare a capability is told so, on both.
/// </summary>
public sealed class ModernRevisionCapabilityTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("2025-11-25")]
    [InlineData("2026-07-28")]
    public async Task Model_client_samples_the_callers_model_when_the_request_declares_sampling(string revision)
    {
        var options = new McpClientOptions
        {
            ProtocolVersion = revision,
            Capabilities = new ClientCapabilities { Sampling = new SamplingCapability() },
            Handlers = new McpClientHandlers
            {
                SamplingHandler = (request, _, _) => ValueTask.FromResult(new CreateMessageResult
                {
                    Model = "test-model",
                    Role = Role.Assistant,
                    Content = [new TextContentBlock { Text = "hola: " + ((TextContentBlock)request!.Messages[0].Content[0]).Text }],
                }),
            },
        };
        await using var connection = await PipeConnection.OpenAsync(TestServices.Server(_temp), options);

        var answered = await connection.Client.CallToolAsync("ask_caller_test", new Dictionary<string, object?> { ["question"] = "hi", ["model"] = "client" });

        Assert.True(answered.IsError != true, answered.Text());
        Assert.Equal("hola: hi", answered.ToolResult().GetProperty("answer").GetString());
    }

    [Theory]
    [InlineData("2025-11-25")]
    [InlineData("2026-07-28")]
    public async Task Model_client_without_sampling_is_refused_with_the_reason(string revision)
    {
        await using var connection = await PipeConnection.OpenAsync(TestServices.Server(_temp), new McpClientOptions { ProtocolVersion = revision });

        var refused = await connection.Client.CallToolAsync("ask_caller_test", new Dictionary<string, object?> { ["question"] = "hi", ["model"] = "client" });

        Assert.True(refused.IsError);
        Assert.Contains("does not offer MCP sampling", refused.Text());
    }

    [Theory]
    [InlineData("2025-11-25")]
    [InlineData("2026-07-28")]
    public async Task Roots_the_client_declares_are_allowed_and_others_stay_refused(string revision)
    {
        var clientFolder = _temp.Sub("client-root");
        var video = TestMedia.Video(clientFolder);
        var asked = 0;
        var options = new McpClientOptions
        {
            ProtocolVersion = revision,
            Capabilities = new ClientCapabilities { Roots = new RootsCapability() },
            Handlers = new McpClientHandlers
            {
                RootsHandler = (_, _) =>
                {
                    Interlocked.Increment(ref asked);
                    return ValueTask.FromResult(new ListRootsResult { Roots = [new Root { Uri = new Uri(clientFolder).AbsoluteUri, Name = "clips" }] });
                },
            },
        };
        await using var connection = await PipeConnection.OpenAsync(TestServices.Server(_temp), options);

        var inRoot = await connection.Client.CallToolAsync("probe_test_media", new Dictionary<string, object?> { ["input"] = video });
        Assert.True(inRoot.IsError != true, inRoot.Text());

        var outside = TestMedia.Video(_temp.Sub("elsewhere"));
        var refused = await connection.Client.CallToolAsync("probe_test_media", new Dictionary<string, object?> { ["input"] = outside });
        Assert.True(refused.IsError);
        Assert.Contains("input", refused.Text());
        // A session's roots are asked for once; a 2026-07-28 client's capabilities hold for one request, so its roots are asked per call.
        Assert.Equal(revision == "2025-11-25" ? 1 : 2, asked);
    }
}
