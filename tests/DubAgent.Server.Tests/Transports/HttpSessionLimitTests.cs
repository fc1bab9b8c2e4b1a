using System.Net;
using DubAgent.Server.Tests.Support;
using DubAgent.Server.Transports;
using Xunit.Abstractions;

namespace DubAgent.Server.Tests.Transports;

/// <summary>HTTP sessions are bounded: a cap (503 with Retry-After beyond it) and an idle timeout that closes forgotten ones.</summary>
public sealed class HttpSessionLimitTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Beyond_the_cap_a_new_session_gets_503_and_a_closed_one_frees_its_place()
    {
        var server = TestServices.Server(_temp, configure: o => o.MaxSessions = 5);
        await using var host = await McpHttpHost.StartAsync(server, HttpBinding.Parse("127.0.0.1:0", null), CancellationToken.None);
        using var http = new HttpClient();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var ok = await RawMcpHttp.InitializeAsync(http, host.Endpoint);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            ids.Add(ok.Headers.GetValues("Mcp-Session-Id").Single());
        }
        using (var refused = await RawMcpHttp.InitializeAsync(http, host.Endpoint))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(SessionLimit.RetryAfterSeconds), refused.Headers.RetryAfter?.Delta);
            Assert.Contains("5 sessions", await refused.Content.ReadAsStringAsync());
        }

        // A stateless (2026-07-28) request opens no session and is served even at the cap.
        using (var discover = await http.SendAsync(RawMcpHttp.Post(host.Endpoint,
                   """{"jsonrpc":"2.0","id":7,"method":"server/discover","params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientInfo":{"name":"raw","version":"1"},"io.modelcontextprotocol/clientCapabilities":{}}}}""",
                   new Dictionary<string, string> { ["MCP-Protocol-Version"] = "2026-07-28", ["Mcp-Method"] = "server/discover" })))
            Assert.Equal(HttpStatusCode.OK, discover.StatusCode);

        using (var delete = new HttpRequestMessage(HttpMethod.Delete, host.Endpoint))
        {
            delete.Headers.Add("Mcp-Session-Id", ids[0]);
            using var deleted = await http.SendAsync(delete);
            Assert.True(deleted.IsSuccessStatusCode, deleted.StatusCode.ToString());
        }
        await Eventually.WaitAsync(() => host.SessionCount < 5, seconds: 60);
        using var again = await RawMcpHttp.InitializeAsync(http, host.Endpoint);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task An_idle_session_is_closed_and_its_id_then_gets_404()
    {
        var server = TestServices.Server(_temp, configure: o => o.SessionIdleTimeout = TimeSpan.FromSeconds(1));
        await using var host = await McpHttpHost.StartAsync(server, HttpBinding.Parse("127.0.0.1:0", null), CancellationToken.None);
        using var http = new HttpClient();
        using var ok = await RawMcpHttp.InitializeAsync(http, host.Endpoint);
        var id = ok.Headers.GetValues("Mcp-Session-Id").Single();
        Assert.Equal(1, host.SessionCount);

        // The SDK sweeps idle sessions every 5 s.
        await Eventually.WaitAsync(() => host.SessionCount == 0, seconds: 120);
        Assert.Equal(0, host.SessionCount);
        using var late = await http.SendAsync(RawMcpHttp.Post(host.Endpoint, """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""",
            new Dictionary<string, string> { ["Mcp-Session-Id"] = id }));
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
    }

    /// <summary>
    /// 3,000 clients that initialize and never come back (no DELETE): the first 1,000 (the default cap) get a session,
    /// the 1,001st and later get 503, and the server's memory stops growing at the cap.
    /// </summary>
    [Fact]
    public async Task Three_thousand_unclosed_sessions_keep_memory_flat_and_the_1001st_gets_503()
    {
        var server = TestServices.Server(_temp);
        Assert.Equal(1000, server.Options.MaxSessions);
        await using var host = await McpHttpHost.StartAsync(server, HttpBinding.Parse("127.0.0.1:0", null), CancellationToken.None);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };

        var statuses = new List<HttpStatusCode>();
        var memory = new Dictionary<int, double> { [0] = ManagedMegabytes() };
        for (var i = 1; i <= 3000; i++)
        {
            using var response = await RawMcpHttp.InitializeAsync(http, host.Endpoint);
            statuses.Add(response.StatusCode);
            if (i % 500 == 0) memory[i] = ManagedMegabytes();
        }
        foreach (var (count, mb) in memory) output.WriteLine($"{count,5} initializes: {mb:0.0} MB managed");
        output.WriteLine($"{host.SessionCount} sessions open; process working set {Environment.WorkingSet / (1024.0 * 1024):0} MB");

        Assert.All(statuses.Take(1000), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(statuses.Skip(1000), s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
        Assert.Equal(1000, host.SessionCount);
        // Past the cap, 2,000 more clients cost (almost) nothing: what they could add is bounded, not per client.
        Assert.True(memory[3000] - memory[1000] < 16, $"memory grew {memory[3000] - memory[1000]:0.0} MB from 1,000 to 3,000 initializes");
    }

    private static double ManagedMegabytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true) / (1024.0 * 1024);
    }
}
