using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DubAgent.Server.Transports;

/// <summary>
/// Caps how many Streamable HTTP sessions are open at once. A request that would start a session (an initialize POST
/// without Mcp-Session-Id) takes a place first and gets 503 with Retry-After when none is left; the session keeps the
/// place until it ends (DELETE, idle timeout or shutdown). Stateless (2026-07-28) requests open no session and pass.
/// </summary>
public sealed class SessionLimit(int max)
{
    public const int RetryAfterSeconds = 30;

    private static readonly object PlaceKey = new();
    private int _open;

    public int Max { get; } = Math.Max(1, max);

    /// <summary>Sessions open now, with the places held by session-starting requests in flight.</summary>
    public int Open => Volatile.Read(ref _open);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!StartsSession(context.Request))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        if (Interlocked.Increment(ref _open) > Max)
        {
            Interlocked.Decrement(ref _open);
            await RefuseAsync(context).ConfigureAwait(false);
            return;
        }
        var place = new Place();
        context.Items[PlaceKey] = place;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            // No session started (a refused initialize, a non-initialize request): the place is free again.
            if (place.Take()) Interlocked.Decrement(ref _open);
        }
    }

    /// <summary>The SDK's RunSessionHandler: a new session takes its request's place and frees it when it ends.</summary>
    public async Task RunSessionAsync(HttpContext context, McpServer server, CancellationToken cancellationToken)
    {
        if (context.Items.TryGetValue(PlaceKey, out var value) && value is Place place && place.Take())
        {
            try
            {
                await server.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _open);
            }
            return;
        }
        await server.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    private static bool StartsSession(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && string.IsNullOrEmpty(request.Headers["Mcp-Session-Id"].ToString())
        && !IsSessionless(request.Headers["MCP-Protocol-Version"].ToString());

    /// <summary>2026-07-28 and later revisions have no sessions (protocol versions are dates: ordinal order is time order).</summary>
    private static bool IsSessionless(string protocolVersion) =>
        protocolVersion.Length > 0 && string.CompareOrdinal(protocolVersion, "2026-07-28") >= 0;

    private async Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.ContentType = "application/json";
        var error = new JsonRpcError
        {
            Error = new JsonRpcErrorDetail
            {
                Code = -32000,
                Message = $"This DubAgent server already has {Max} sessions open (its limit). Retry after {RetryAfterSeconds} s; " +
                          "clients that end their session with DELETE free their place at once.",
            },
        };
        await JsonSerializer.SerializeAsync(context.Response.Body, error, JsonRpcJson.Error, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>A place held by one request; taken exactly once, by its session or by the request's end.</summary>
    private sealed class Place
    {
        private int _taken;

        public bool Take() => Interlocked.Exchange(ref _taken, 1) == 0;
    }
}
