using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace DubAgent.Server.Transports;

/// <summary>
/// Checked on every HTTP request before MCP sees it: the bearer token when one is set (401 without it), and on a
/// loopback binding a loopback Host and Origin, so a web page cannot reach the local server through DNS rebinding.
/// </summary>
public sealed class AccessGate(HttpBinding binding)
{
    private readonly byte[]? _token = binding.Token is { } token ? Encoding.UTF8.GetBytes(token) : null;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (binding.IsLoopback && !(IsLoopbackHost(context.Request.Host.Host) && IsLoopbackOrigin(context.Request.Headers.Origin.ToString())))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("Forbidden: this DubAgent server only answers requests addressed to localhost.").ConfigureAwait(false);
            return;
        }
        if (_token is not null && !HasToken(context.Request.Headers.Authorization.ToString()))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"dubagent\"";
            await context.Response.WriteAsync("Unauthorized: send 'Authorization: Bearer <token>' with the token the server was started with.").ConfigureAwait(false);
            return;
        }
        await next(context).ConfigureAwait(false);
    }

    private bool HasToken(string header)
    {
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        var given = Encoding.UTF8.GetBytes(header[scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, _token);
    }

    private static bool IsLoopbackHost(string host) =>
        host is "localhost" or "127.0.0.1" or "[::1]" or "::1" || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    private static bool IsLoopbackOrigin(string origin) =>
        origin.Length == 0 || origin == "null"
        || Uri.TryCreate(origin, UriKind.Absolute, out var uri) && IsLoopbackHost(uri.Host);
}
