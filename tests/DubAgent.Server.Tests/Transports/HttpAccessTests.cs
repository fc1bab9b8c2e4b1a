using System.Net;
using DubAgent.Server.Tests.Support;
using DubAgent.Server.Transports;

namespace DubAgent.Server.Tests.Transports;

/// <summary>What DubAgent checks before the SDK sees a request (Origin, Host, size) and what the SDK checks for it (the protocol version header).</summary>
public sealed class HttpAccessTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("null")]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost.evil.example:5005")]
    public async Task A_web_origin_that_is_not_this_server_gets_403(string origin)
    {
        await using var host = await McpHttpHost.StartAsync(TestServices.Server(_temp), HttpBinding.Parse("127.0.0.1:0", null), CancellationToken.None);
        using var http = new HttpClient();
        using var response = await RawMcpHttp.InitializeAsync(http, host.Endpoint, new Dictionary<string, string> { ["Origin"] = origin });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(origin, await response.Content.ReadAsStringAsync());
        Assert.Equal(0, host.SessionCount);
    }

    [Fact]
    public async Task A_loopback_origin_is_served()
    {
        await using var host = await McpHttpHost.StartAsync(TestServices.Server(_temp), HttpBinding.Parse("127.0.0.1:0", null), CancellationToken.None);
        using var http = new HttpClient();
        using var response = await RawMcpHttp.InitializeAsync(http, host.Endpoint, new Dictionary<string, string> { ["Origin"] = "http://localhost:6274" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("1999-01-01")]
    [InlineData("not-a-version")]
    public async Task An_unsupported_protocol_version_header_gets_400(string version)
    {
        await using var host = await McpHttpHost.StartAsync(TestServices.Server(_temp), HttpBinding.Parse("127.0.0.1:0", null), CancellationToken.None);
        using var http = new HttpClient();
        using var response = await RawMcpHttp.InitializeAsync(http, host.Endpoint, new Dictionary<string, string> { ["MCP-Protocol-Version"] = version });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(version, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_over_the_size_limit_gets_413()
    {
        var server = TestServices.Server(_temp, configure: o => o.MaxRequestBytes = 64 * 1024);
        await using var host = await McpHttpHost.StartAsync(server, HttpBinding.Parse("127.0.0.1:0", null), CancellationToken.None);
        using var http = new HttpClient();
        var big = RawMcpHttp.Initialize.Replace("\"raw\"", "\"" + new string('x', 100 * 1024) + "\"", StringComparison.Ordinal);
        using var request = RawMcpHttp.Post(host.Endpoint, big);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, host.SessionCount);
    }
}
