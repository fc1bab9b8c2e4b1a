using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace DubAgent.Server.Transports;

/// <summary>
/// Checked on every HTTP request before MCP sees it: the bearer token when one is set (401 without it); on a loopback
/// binding a loopback Host, so a web page cannot reach the local server through DNS rebinding; and an Origin, when a
/// browser sends one, that is this server's own (loopback, or the Host asked for). `Origin: null` (sandboxed frames,
/// file:// pages) is never this server's own.
/// </summary>
public sealed class AccessGate(HttpBinding binding)
{
    private readonly byte[]? _token = binding.Token is { } token ? Encoding.UTF8.GetBytes(token) : null;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var host = context.Request.Host.Host;
        var origin = context.Request.Headers.Origin.ToString();
        if (binding.IsLoopback && !IsLoopbackHost(host))
        {
            await RefuseAsync(context, "Forbidden: this DubAgent server only answers requests addressed to localhost.").ConfigureAwait(false);
            return;
        }
        if (origin.Length > 0 && !IsOwnOrigin(origin, host))
        {
            await RefuseAsync(context, $"Forbidden: requests from the web origin '{origin}' are refused; DubAgent answers MCP clients, not web pages.")
                .ConfigureAwait(false);
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

    private static Task RefuseAsync(HttpContext context, string message)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return context.Response.WriteAsync(message);
    }

    private bool HasToken(string header)
    {
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        var given = Encoding.UTF8.GetBytes(header[scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, _token);
    }

    /// <summary>On loopback any loopback origin (a local tool's page on another port); elsewhere only the host asked for.</summary>
    private bool IsOwnOrigin(string origin, string host) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        && (binding.IsLoopback ? IsLoopbackHost(uri.Host) : string.Equals(uri.Host, host, StringComparison.OrdinalIgnoreCase));

    private static bool IsLoopbackHost(string host) =>
        host is "localhost" or "127.0.0.1" or "[::1]" or "::1" || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
}
