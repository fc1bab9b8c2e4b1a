using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DubAgent.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DubAgent.Server.Transports;

/// <summary>
/// The MCP Streamable HTTP endpoint on the SDK's core <see cref="StreamableHttpServerTransport"/>, as its ASP.NET Core
/// package does it: POST carries client messages (an initialize without Mcp-Session-Id starts a session) and streams
/// the answers as server-sent events; GET opens the stream of server-initiated messages; DELETE ends a session.
/// Sessions idle longer than <see cref="IdleTimeout"/> are closed.
/// </summary>
public sealed class StreamableHttpEndpoint(DubAgentServer server, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    public const string SessionHeader = "Mcp-Session-Id";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(2);

    private static readonly JsonTypeInfo<JsonRpcMessage> MessageType =
        (JsonTypeInfo<JsonRpcMessage>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));
    private static readonly JsonTypeInfo<JsonRpcError> ErrorType =
        (JsonTypeInfo<JsonRpcError>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcError));

    private readonly ConcurrentDictionary<string, HttpSession> _sessions = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggerFactory.CreateLogger<StreamableHttpEndpoint>();

    public int SessionCount => _sessions.Count;

    public async Task PostAsync(HttpContext context)
    {
        if (!Accepts(context, "application/json") || !Accepts(context, "text/event-stream"))
        {
            await ErrorAsync(context, StatusCodes.Status406NotAcceptable, "Not Acceptable: the client must accept both application/json and text/event-stream.").ConfigureAwait(false);
            return;
        }
        JsonRpcMessage? message;
        try
        {
            message = await JsonSerializer.DeserializeAsync(context.Request.Body, MessageType, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            message = null;
        }
        if (message is null)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "Bad Request: the body is not a JSON-RPC message.", (int)McpErrorCode.ParseError).ConfigureAwait(false);
            return;
        }

        var session = await SessionForPostAsync(context, message).ConfigureAwait(false);
        if (session is null) return;
        session.Touch();
        StartEventStream(context);
        var wrote = await session.Transport.HandlePostRequestAsync(message, context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        session.Touch();
        if (!wrote)
        {
            // A notification or a response: nothing to stream back.
            context.Response.Headers.ContentType = (string?)null;
            context.Response.StatusCode = StatusCodes.Status202Accepted;
        }
    }

    public async Task GetAsync(HttpContext context)
    {
        if (!Accepts(context, "text/event-stream"))
        {
            await ErrorAsync(context, StatusCodes.Status406NotAcceptable, "Not Acceptable: the client must accept text/event-stream.").ConfigureAwait(false);
            return;
        }
        var session = await ExistingSessionAsync(context).ConfigureAwait(false);
        if (session is null) return;
        if (!session.TryStartGet())
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "Bad Request: this session already has a GET stream open.").ConfigureAwait(false);
            return;
        }
        try
        {
            StartEventStream(context);
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            await session.Transport.HandleGetRequestAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client closed the stream: that is how SSE streams end.
        }
        finally
        {
            session.EndGet();
        }
    }

    public async Task DeleteAsync(HttpContext context)
    {
        var id = context.Request.Headers[SessionHeader].ToString();
        if (_sessions.TryRemove(id, out var session))
        {
            await session.DisposeAsync().ConfigureAwait(false);
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }
        await ErrorAsync(context, StatusCodes.Status404NotFound, "Session not found.", -32001).ConfigureAwait(false);
    }

    /// <summary>Closes sessions nobody has used for <see cref="IdleTimeout"/> (clients that never sent DELETE).</summary>
    public async Task CloseIdleSessionsAsync()
    {
        var now = Environment.TickCount64;
        foreach (var (id, session) in _sessions)
        {
            if (now - session.LastActivity < IdleTimeout.TotalMilliseconds) continue;
            if (_sessions.TryRemove(id, out var idle)) await idle.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<HttpSession?> SessionForPostAsync(HttpContext context, JsonRpcMessage message)
    {
        if (!string.IsNullOrEmpty(context.Request.Headers[SessionHeader].ToString()))
            return await ExistingSessionAsync(context).ConfigureAwait(false);
        if (message is not JsonRpcRequest { Method: RequestMethods.Initialize })
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest,
                $"Bad Request: only an initialize request may start a session; send the {SessionHeader} header with other messages.").ConfigureAwait(false);
            return null;
        }
        var id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
        var transport = new StreamableHttpServerTransport(loggerFactory) { SessionId = id };
        var session = new HttpSession(id, transport, server.CreateSession(transport, clientRootsNarrow: true));
        _sessions[id] = session;
        session.Start();
        context.Response.Headers[SessionHeader] = id;
        _logger.LogDebug("MCP session {Session} started", id);
        return session;
    }

    private async Task<HttpSession?> ExistingSessionAsync(HttpContext context)
    {
        var id = context.Request.Headers[SessionHeader].ToString();
        if (string.IsNullOrEmpty(id))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, $"Bad Request: the {SessionHeader} header is required.").ConfigureAwait(false);
            return null;
        }
        if (!_sessions.TryGetValue(id, out var session))
        {
            // -32001 as the TypeScript SDK answers: the client should start a new session.
            await ErrorAsync(context, StatusCodes.Status404NotFound, "Session not found: start a new session with initialize.", -32001).ConfigureAwait(false);
            return null;
        }
        context.Response.Headers[SessionHeader] = id;
        return session;
    }

    private static bool Accepts(HttpContext context, string mediaType) =>
        context.Request.GetTypedHeaders().Accept.Any(a => a.MatchesMediaType(mediaType));

    private static void StartEventStream(HttpContext context)
    {
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache,no-store";
        context.Response.Headers.ContentEncoding = "identity";
        context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
    }

    private static async Task ErrorAsync(HttpContext context, int status, string message, int code = -32000)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var error = new JsonRpcError { Error = new JsonRpcErrorDetail { Code = code, Message = message } };
        await JsonSerializer.SerializeAsync(context.Response.Body, error, ErrorType, context.RequestAborted).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _sessions.Keys.ToList())
            if (_sessions.TryRemove(id, out var session)) await session.DisposeAsync().ConfigureAwait(false);
    }
}
