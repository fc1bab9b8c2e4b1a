using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DubAgent.Core.Tests.Models;

/// <summary>
/// A small HTTP/1.1 file server on 127.0.0.1 (random port) that serves one file with Range support and can misbehave on
/// purpose: cut the connection part-way, answer 404, say nothing at all, or send slowly. Every request is recorded.
/// </summary>
public sealed class ModelFileServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[] _content;
    private readonly Task _loop;
    private int _requests;

    public ModelFileServer(byte[] content)
    {
        _content = content;
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/models/model.bin";
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }

    /// <summary>The Range header of each request (null when none), in order.</summary>
    public List<string?> Ranges { get; } = [];

    /// <summary>Body bytes sent over all requests.</summary>
    public long BytesSent;

    /// <summary>The first this-many requests are cut after <see cref="CutAfterBytes"/> body bytes.</summary>
    public int CutRequests { get; set; }

    public int CutAfterBytes { get; set; }

    /// <summary>Answer every request with this status and no body (e.g. 404).</summary>
    public int? Status { get; set; }

    /// <summary>Accept the connection and never answer.</summary>
    public bool Silent { get; set; }

    /// <summary>A pause after each 16 KB of body, to keep a download going while another client tries.</summary>
    public TimeSpan ChunkDelay { get; set; }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var head = await ReadHeadAsync(stream);
            var range = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Range:", StringComparison.OrdinalIgnoreCase))?["Range:".Length..].Trim();
            int index;
            lock (Ranges)
            {
                Ranges.Add(range);
                index = _requests++;
            }
            if (Silent)
            {
                await Task.Delay(Timeout.Infinite, _stop.Token);
                return;
            }
            if (Status is { } status)
            {
                await WriteAsync(stream, $"HTTP/1.1 {status} Nope\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                return;
            }
            var from = range is { } r && r.StartsWith("bytes=", StringComparison.Ordinal) ? long.Parse(r[6..].TrimEnd('-').Split('-')[0]) : 0;
            if (from >= _content.Length)
            {
                await WriteAsync(stream, $"HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */{_content.Length}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                return;
            }
            var length = _content.Length - from;
            await WriteAsync(stream, from > 0
                ? $"HTTP/1.1 206 Partial Content\r\nContent-Range: bytes {from}-{_content.Length - 1}/{_content.Length}\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n"
                : $"HTTP/1.1 200 OK\r\nContent-Length: {length}\r\nAccept-Ranges: bytes\r\nConnection: close\r\n\r\n");
            var limit = index < CutRequests ? Math.Min(length, CutAfterBytes) : length;
            for (long sent = 0; sent < limit;)
            {
                var count = (int)Math.Min(16 * 1024, limit - sent);
                await stream.WriteAsync(_content.AsMemory((int)(from + sent), count), _stop.Token);
                Interlocked.Add(ref BytesSent, count);
                sent += count;
                if (ChunkDelay > TimeSpan.Zero) await Task.Delay(ChunkDelay, _stop.Token);
            }
            if (limit < length) client.Client.Close(0); // cut: the client sees the body end early
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server is stopping.
        }
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var buffer = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(buffer) == 1)
            head.Append((char)buffer[0]);
        return head.ToString();
    }

    private Task WriteAsync(NetworkStream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text), _stop.Token).AsTask();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
        _stop.Dispose();
    }
}
