using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using DubAgent.Server.Hosting;

namespace DubAgent.Server.Tests.Support;

/// <summary>The server on a pair of pipes driven line by line: for messages no SDK client would send.</summary>
public sealed class RawStdio : IAsyncDisposable
{
    private readonly Pipe _toServer = new();
    private readonly Pipe _fromServer = new();
    private readonly StreamReader _reader;
    private Task _serving = Task.CompletedTask;

    private RawStdio() => _reader = new StreamReader(_fromServer.Reader.AsStream());

    public static Task<RawStdio> StartAsync(DubAgentServer server)
    {
        var raw = new RawStdio();
        raw._serving = server.RunStreamsAsync(raw._toServer.Reader.AsStream(), raw._fromServer.Writer.AsStream(), CancellationToken.None);
        return Task.FromResult(raw);
    }

    /// <summary>Sends one line and reads the next line the server writes.</summary>
    public async Task<JsonElement> AskAsync(string line)
    {
        await _toServer.Writer.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"));
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var answer = await _reader.ReadLineAsync(wait.Token) ?? throw new EndOfStreamException("the server closed its output");
        return JsonDocument.Parse(answer).RootElement.Clone();
    }

    /// <summary>Sends one request and reads every line up to its answer (notifications first, the answer last).</summary>
    public async Task<List<JsonElement>> ExchangeAsync(string request, int id)
    {
        await _toServer.Writer.WriteAsync(Encoding.UTF8.GetBytes(request + "\n"));
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var lines = new List<JsonElement>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(wait.Token) ?? throw new EndOfStreamException("the server closed its output");
            var message = JsonDocument.Parse(line).RootElement.Clone();
            lines.Add(message);
            if (message.TryGetProperty("id", out var answered) && answered.ValueKind == JsonValueKind.Number && answered.GetInt32() == id) return lines;
        }
    }

    /// <summary>The 2025-11-25 handshake: initialize, then initialized.</summary>
    public async Task<JsonElement> InitializeAsync()
    {
        var answer = await AskAsync(RawMcpHttp.Initialize);
        await _toServer.Writer.WriteAsync(Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","method":"notifications/initialized"}""" + "\n"));
        return answer;
    }

    public async ValueTask DisposeAsync()
    {
        await _toServer.Writer.CompleteAsync();
        await _serving.WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
