using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace DubAgent.Engines.Tests.Translating;

/// <summary>One request the server received: method, path, Authorization header and the JSON body.</summary>
public sealed record ReceivedRequest(string Method, string Path, string? Authorization, JsonElement Body);

/// <summary>What the server answers: a status, a body and extra headers.</summary>
public sealed record ServerReply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// A local HTTP server playing an OpenAI-compatible endpoint for the adapter's tests: it records each request and
/// answers with what the test's handler returns (by default the documented chat completion object).
/// </summary>
public sealed class LocalChatServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<ReceivedRequest, int, ServerReply> _handler;
    private readonly Task _loop;

    public LocalChatServer(Func<ReceivedRequest, int, ServerReply> handler)
    {
        _handler = handler;
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/v1";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public List<ReceivedRequest> Requests { get; } = [];

    /// <summary>GET /models requests (the reachability probe), answered by the server itself and not counted in <see cref="Requests"/>.</summary>
    public List<ReceivedRequest> Probes { get; } = [];

    /// <summary>The status GET /models answers with (200 with the documented list object unless a test says otherwise).</summary>
    public int ModelsStatus { get; init; } = 200;

    /// <summary>An assistant message asking for function calls (the documented <c>tool_calls</c> shape, finish_reason "tool_calls").</summary>
    public static string ToolCalls(params (string Id, string Name, object Arguments)[] calls) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-tools",
        @object = "chat.completion",
        created = 1741569952,
        model = "gpt-4.1-2025-04-14",
        choices = new[]
        {
            new
            {
                index = 0,
                message = new
                {
                    role = "assistant",
                    content = (string?)null,
                    tool_calls = calls.Select(c => new { id = c.Id, type = "function", function = new { name = c.Name, arguments = JsonSerializer.Serialize(c.Arguments) } }).ToArray(),
                },
                logprobs = (object?)null,
                finish_reason = "tool_calls",
            },
        },
        usage = new { prompt_tokens = 50, completion_tokens = 20, total_tokens = 70 },
    });

    /// <summary>The chat completion object from the API reference (POST /v1/chat/completions), with the given content.</summary>
    public static string Completion(string content, string model = "gpt-4.1-2025-04-14") => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT",
        @object = "chat.completion",
        created = 1741569952,
        model,
        choices = new[]
        {
            new
            {
                index = 0,
                message = new { role = "assistant", content, refusal = (string?)null, annotations = Array.Empty<object>() },
                logprobs = (object?)null,
                finish_reason = "stop",
            },
        },
        usage = new
        {
            prompt_tokens = 19,
            completion_tokens = 10,
            total_tokens = 29,
            prompt_tokens_details = new { cached_tokens = 0, audio_tokens = 0 },
            completion_tokens_details = new { reasoning_tokens = 0, audio_tokens = 0, accepted_prediction_tokens = 0, rejected_prediction_tokens = 0 },
        },
        service_tier = "default",
    });

    /// <summary>The error object the API returns with 4xx/5xx statuses.</summary>
    public static string Error(string message, string type) =>
        JsonSerializer.Serialize(new { error = new { message, type, param = (string?)null, code = (string?)null } });

    private async Task ServeAsync()
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
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var request = new ReceivedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath,
                context.Request.Headers["Authorization"], JsonDocument.Parse(body.Length == 0 ? "{}" : body).RootElement.Clone());
            int n;
            ServerReply reply;
            if (request.Method == "GET" && request.Path.EndsWith("/models", StringComparison.Ordinal))
            {
                lock (Probes) Probes.Add(request);
                reply = ModelsStatus == 200
                    ? new ServerReply(200, """{"object":"list","data":[{"id":"gpt-test","object":"model","created":1686935002,"owned_by":"local"}]}""")
                    : new ServerReply(ModelsStatus, Error("Incorrect API key provided", "invalid_request_error"));
            }
            else
            {
                lock (Requests) { Requests.Add(request); n = Requests.Count; }
                try { reply = _handler(request, n); }
                catch (Exception e) { reply = new ServerReply(500, Error(e.Message, "server_error")); }
            }
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json";
            foreach (var (key, value) in reply.Headers ?? new Dictionary<string, string>()) context.Response.Headers[key] = value;
            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        // Close alone: after Stop, Close re-resolves the prefix and binds the port again, which fails when another
        // test process has taken it meanwhile (\"Address already in use\").
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
