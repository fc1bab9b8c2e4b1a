using ModelContextProtocol.Client;

namespace DubAgent.Server.Tests.Support;

/// <summary>The C# SDK client of `dubagent serve`: over stdio (the built CLI as a child) or the HTTP server given.</summary>
public static class CliClient
{
    public static Task<McpClient> ConnectAsync(ServeProcess? http, string[] serve, string revision, Action<McpClientOptions>? configure = null)
    {
        IClientTransport transport = http is not null
            ? new HttpClientTransport(new HttpClientTransportOptions { Endpoint = http.Endpoint, TransportMode = HttpTransportMode.StreamableHttp })
            : new StdioClientTransport(new StdioClientTransportOptions { Name = "dubagent", Command = "dotnet", Arguments = [BuiltCli.Dll, "serve", .. serve] });
        var options = new McpClientOptions
        {
            ProtocolVersion = revision,
            // A cold server on a loaded machine answers its first request slowly.
            DiscoverProbeTimeout = TimeSpan.FromSeconds(60),
            InitializationTimeout = TimeSpan.FromSeconds(90),
        };
        configure?.Invoke(options);
        return McpClient.CreateAsync(transport, options);
    }
}
