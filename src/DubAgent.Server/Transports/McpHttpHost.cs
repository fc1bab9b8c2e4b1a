using System.Net;
using DubAgent.Server.Hosting;
using DubAgent.Server.Live;
using DubAgent.Server.Studio;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.AspNetCore;

namespace DubAgent.Server.Transports;

/// <summary>
/// `dubagent serve --http`: the MCP SDK's Streamable HTTP endpoint (<c>AddMcpServer().WithHttpTransport()</c>,
/// <c>MapMcp</c>) at <see cref="HttpBinding.Path"/> on Kestrel. Clients of 2025-11-25 and earlier get a session
/// (sampling, roots, elicitation); 2026-07-28 clients are served per request. In front, only what is DubAgent's own:
/// the <see cref="AccessGate"/> (token, Host, Origin), a request-size limit and the <see cref="SessionLimit"/>.
/// </summary>
public sealed class McpHttpHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SessionLimit _sessions;

    private McpHttpHost(WebApplication app, SessionLimit sessions, Uri endpoint)
    {
        _app = app;
        _sessions = sessions;
        Endpoint = endpoint;
    }

    /// <summary>The URL clients connect to (the real port when 0 was asked).</summary>
    public Uri Endpoint { get; }

    /// <summary>Sessions open now (with the places of session-starting requests in flight).</summary>
    public int SessionCount => _sessions.Open;

    public static async Task<McpHttpHost> StartAsync(DubAgentServer server, HttpBinding binding, CancellationToken cancellationToken)
    {
        var options = server.Options;
        var loggerFactory = server.Services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = "dubagent", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            kestrel.Listen(binding.Address, binding.Port);
        });
        var sessions = new SessionLimit(options.MaxSessions);
        builder.Services.AddStudio();
        builder.Services.AddMcpServer().WithHttpTransport(http =>
        {
            http.SessionMode = HttpServerSessionMode.StatefulForInitializeClients;
            http.ConfigureSessionOptions = (_, session, _) =>
            {
                // Any local process can reach an HTTP port: its roots only narrow --root.
                server.ConfigureSession(session, clientRootsNarrow: true);
                return Task.CompletedTask;
            };
#pragma warning disable MCPEXP002 // RunSessionHandler is experimental; it is the one place that sees a session start and end.
            http.RunSessionHandler = sessions.RunSessionAsync;
#pragma warning restore MCPEXP002
#pragma warning disable MCP9006 // Session options are obsolete for 2026-07-28 clients, which have no sessions; 2025 clients do.
            http.IdleTimeout = options.SessionIdleTimeout;
            // The SessionLimit refuses the session beyond the limit first; this only bounds a burst that races past it.
            http.MaxIdleSessionCount = sessions.Max;
#pragma warning restore MCP9006
        });

        var app = builder.Build();
        // Live dubbing first: its endpoints are routed before the studio's branch, which takes every other page.
        app.UseLiveDubbing(server);
        app.UseStudio(server, binding);
        app.Use(new AccessGate(binding).InvokeAsync);
        app.Use(sessions.InvokeAsync);
        app.MapMcp(HttpBinding.Path);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? $"http://{binding.Address}:{binding.Port}";
        var bound = new Uri(address);
        var host = IPAddress.Any.Equals(binding.Address) || IPAddress.IPv6Any.Equals(binding.Address) ? Dns.GetHostName() : bound.Host;
        return new McpHttpHost(app, sessions, new UriBuilder(bound.Scheme, host, bound.Port, HttpBinding.Path).Uri);
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.WaitForShutdownAsync(_app, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        // Stopping the host closes every session (the SDK disposes them on shutdown).
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
