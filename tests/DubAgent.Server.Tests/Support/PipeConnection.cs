using System.IO.Pipelines;
using DubAgent.Server.Hosting;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace DubAgent.Server.Tests.Support;

/// <summary>An in-process client and server joined by two pipes: the same MCP messages as stdio, without a process.</summary>
public sealed class PipeConnection : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _serving = Task.CompletedTask;

    public required McpClient Client { get; init; }

    public static async Task<PipeConnection> OpenAsync(DubAgentServer server, McpClientOptions? options = null)
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        var stop = new CancellationTokenSource();
        var serving = server.RunStreamsAsync(toServer.Reader.AsStream(), toClient.Writer.AsStream(), stop.Token);
        var transport = new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream());
        var client = await McpClient.CreateAsync(transport, options);
        return new PipeConnection(stop, serving) { Client = client };
    }

    private PipeConnection(CancellationTokenSource stop, Task serving)
    {
        _stop = stop;
        _serving = serving;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _stop.CancelAsync();
        await _serving.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
