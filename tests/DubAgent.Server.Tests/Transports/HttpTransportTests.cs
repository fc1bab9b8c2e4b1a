using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DubAgent.Server.Tests.Support;
using DubAgent.Server.Transports;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace DubAgent.Server.Tests.Transports;

/// <summary>
/// The Streamable HTTP endpoint on an in-process Kestrel (port 0) with the SDK's HTTP client, on both protocol revisions:
/// 2025-11-25 (initialize, a session) and 2026-07-28 (server/discover, no session).
/// </summary>
public sealed class HttpTransportTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public const string Sessions = "2025-11-25";
    public const string Stateless = "2026-07-28";

    public static Task<McpClient> ConnectAsync(Uri endpoint, string? token = null, string? protocolVersion = null) =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = token is null ? null : new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
        }), new McpClientOptions
        {
            ProtocolVersion = protocolVersion,
            // A loaded machine answers the discovery probe slowly; the default 5 s would fall back to initialize.
            DiscoverProbeTimeout = TimeSpan.FromSeconds(60),
            InitializationTimeout = TimeSpan.FromSeconds(60),
        });

    [Theory]
    [InlineData(Sessions)]
    [InlineData(Stateless)]
    public async Task Lists_calls_streams_progress_and_cancels_over_http(string protocolVersion)
    {
        var server = TestServices.Server(_temp);
        await using var host = await McpHttpHost.StartAsync(server, HttpBinding.Parse("127.0.0.1:0", null), CancellationToken.None);
        await using var client = await ConnectAsync(host.Endpoint, protocolVersion: protocolVersion);
        Assert.Equal(protocolVersion, client.NegotiatedProtocolVersion);

        var tools = await client.ListToolsAsync();
        Assert.Contains(tools, t => t.Name == "probe_test_media");

        var video = TestMedia.Video(Path.Combine(_temp.Path, "media"));
        var probe = await client.CallToolAsync("probe_test_media", new Dictionary<string, object?> { ["input"] = video });
        Assert.NotEqual(true, probe.IsError);
        Assert.InRange(probe.ToolResult().GetProperty("duration").GetDouble(), 1.9, 2.2);

        var updates = 0;
        var counted = await client.CallToolAsync("count_test", new Dictionary<string, object?> { ["steps"] = 4, ["delay_ms"] = 120 },
            new CountingProgress(() => Interlocked.Increment(ref updates)));
        Assert.NotEqual(true, counted.IsError);
        for (var i = 0; i < 500 && Volatile.Read(ref updates) < 3; i++) await Task.Delay(20);
        Assert.True(updates >= 3, $"only {updates} progress notifications over HTTP");

        if (protocolVersion == Sessions)
        {
            await CancelledCall.StartThenCancelAsync(client, "count_test", new System.Text.Json.Nodes.JsonObject { ["steps"] = 200, ["delay_ms"] = 50 });
        }
        else
        {
            // No session to carry notifications/cancelled: the client ends the call's own HTTP request.
            using var stop = new CancellationTokenSource();
            var firstProgress = new TaskCompletionSource();
            var call = client.CallToolAsync("count_test", new Dictionary<string, object?> { ["steps"] = 200, ["delay_ms"] = 50 },
                new CountingProgress(() => firstProgress.TrySetResult()), cancellationToken: stop.Token).AsTask();
            await firstProgress.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        }
        var job = server.Jobs.RecentIds(1)[0];
        var status = "";
        for (var i = 0; i < 1200 && status != "cancelled"; i++) // up to a minute on a loaded machine
        {
            status = server.Jobs.Open(job).Status;
            await Task.Delay(50);
        }
        Assert.Equal("cancelled", status);

        var bad = await client.CallToolAsync("get_job", new Dictionary<string, object?> { ["job"] = "nope" });
        Assert.True(bad.IsError);
        Assert.NotEmpty(await client.ListToolsAsync());
    }

    [Fact]
    public async Task A_token_is_required_on_every_request_when_set()
    {
        var server = TestServices.Server(_temp);
        await using var host = await McpHttpHost.StartAsync(server, HttpBinding.Parse("127.0.0.1:0", "s3cret-token"), CancellationToken.None);

        using var http = new HttpClient();
        var initialize = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""";
        HttpRequestMessage Post(string? token)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, host.Endpoint) { Content = new StringContent(initialize, Encoding.UTF8, "application/json") };
            request.Headers.Accept.ParseAdd("application/json");
            request.Headers.Accept.ParseAdd("text/event-stream");
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return request;
        }

        using var without = await http.SendAsync(Post(null));
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal("Bearer", without.Headers.WwwAuthenticate.Single().Scheme);
        using var wrong = await http.SendAsync(Post("guess"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var right = await http.SendAsync(Post("s3cret-token"));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.True(right.Headers.Contains("Mcp-Session-Id"));

        await using var client = await ConnectAsync(host.Endpoint, "s3cret-token");
        Assert.NotEmpty(await client.ListToolsAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(host.Endpoint, "wrong"));
    }

    [Fact]
    public async Task Refuses_requests_addressed_to_another_host_on_loopback_and_unknown_sessions()
    {
        var server = TestServices.Server(_temp);
        await using var host = await McpHttpHost.StartAsync(server, HttpBinding.Parse("127.0.0.1:0", null), CancellationToken.None);
        using var http = new HttpClient();

        var rebinding = new HttpRequestMessage(HttpMethod.Get, host.Endpoint);
        rebinding.Headers.Host = "evil.example";
        using var refused = await http.SendAsync(rebinding);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var unknown = new HttpRequestMessage(HttpMethod.Post, host.Endpoint)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":2,"method":"tools/list"}""", Encoding.UTF8, "application/json"),
        };
        unknown.Headers.Accept.ParseAdd("application/json");
        unknown.Headers.Accept.ParseAdd("text/event-stream");
        unknown.Headers.Add("Mcp-Session-Id", "no-such-session");
        using var notFound = await http.SendAsync(unknown);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
    }

    private sealed class CountingProgress(Action onReport) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value) => onReport();
    }
}
