using ModelContextProtocol.Server;

namespace DubAgent.Server.Transports;

/// <summary>One Streamable HTTP client: its transport, its MCP server and the task running it, keyed by Mcp-Session-Id.</summary>
public sealed class HttpSession(string id, StreamableHttpServerTransport transport, McpServer server) : IAsyncDisposable
{
    private readonly CancellationTokenSource _closed = new();
    private int _getStarted;
    private int _disposed;

    public string Id { get; } = id;
    public StreamableHttpServerTransport Transport { get; } = transport;
    public McpServer Server { get; } = server;
    public Task Running { get; private set; } = Task.CompletedTask;
    public long LastActivity { get; private set; } = Environment.TickCount64;

    public void Start() => Running = Server.RunAsync(_closed.Token);

    public void Touch() => LastActivity = Environment.TickCount64;

    /// <summary>Only one GET stream (server-to-client messages) per session.</summary>
    public bool TryStartGet() => Interlocked.Exchange(ref _getStarted, 1) == 0;

    public void EndGet() => Volatile.Write(ref _getStarted, 0);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        try
        {
            // The transport first, so the server's message loop ends without an error.
            await Transport.DisposeAsync().ConfigureAwait(false);
            await _closed.CancelAsync().ConfigureAwait(false);
            await Running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            await Server.DisposeAsync().ConfigureAwait(false);
            _closed.Dispose();
        }
    }
}
