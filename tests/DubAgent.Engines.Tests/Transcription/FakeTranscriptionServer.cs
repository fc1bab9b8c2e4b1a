using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DubAgent.Engines.Tests.Transcription;

/// <summary>
/// A local OpenAI-compatible endpoint on 127.0.0.1 (random port) answering POST /v1/audio/transcriptions with what the
/// handler returns, and recording each request's multipart form so tests can check what the SDK sent.
/// </summary>
public sealed class FakeTranscriptionServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<int, RecordedRequest, (int Status, string Body)> _answer;
    private readonly Task _loop;

    public FakeTranscriptionServer(Func<int, RecordedRequest, (int Status, string Body)> answer)
    {
        _answer = answer;
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/v1";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }

    public List<RecordedRequest> Requests { get; } = [];

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var recorded = new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath,
                context.Request.Headers["Authorization"], body.ToArray());
            int index;
            lock (Requests)
            {
                Requests.Add(recorded);
                index = Requests.Count - 1;
            }
            var (status, text) = _answer(index, recorded);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            if (status == 429)
            {
                context.Response.AddHeader("retry-after-ms", "10");
                context.Response.AddHeader("Retry-After", "0");
            }
            var bytes = Encoding.UTF8.GetBytes(text);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        // Close alone: after Stop, Close re-resolves the prefix and binds the port again, which fails when another
        // test process has taken it meanwhile (\"Address already in use\").
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
    }
}

/// <summary>One request as received: the multipart body is kept as text (audio bytes included) for field checks.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Authorization, byte[] Body)
{
    public string Text => Encoding.Latin1.GetString(Body);

    /// <summary>The values of a multipart form field (e.g. "timestamp_granularities[]"); the name may be quoted or not.</summary>
    public IReadOnlyList<string> Field(string name)
    {
        var values = new List<string>();
        var text = Text;
        var pattern = new System.Text.RegularExpressions.Regex(
            "Content-Disposition: form-data; name=(\"" + System.Text.RegularExpressions.Regex.Escape(name) + "\"|" + System.Text.RegularExpressions.Regex.Escape(name) + ")(;|\r\n)");
        foreach (System.Text.RegularExpressions.Match match in pattern.Matches(text))
        {
            var start = text.IndexOf("\r\n\r\n", match.Index, StringComparison.Ordinal) + 4;
            var end = text.IndexOf("\r\n--", start, StringComparison.Ordinal);
            values.Add(text[start..end]);
        }
        return values;
    }
}
