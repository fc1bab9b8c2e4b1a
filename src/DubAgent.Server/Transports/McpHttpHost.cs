using System.Net;
using DubAgent.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DubAgent.Server.Transports;

/// <summary>
/// `dubagent serve --http`: Kestrel serving the Streamable HTTP endpoint at <see cref="HttpBinding.Path"/>, every request
/// passing the <see cref="AccessGate"/> first.
/// </summary>
public sealed class McpHttpHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StreamableHttpEndpoint _endpoint;
    private readonly Timer _idleSweep;

    private McpHttpHost(WebApplication app, StreamableHttpEndpoint endpoint, Uri endpointUri)
    {
        _app = app;
        _endpoint = endpoint;
        Endpoint = endpointUri;
        _idleSweep = new Timer(_ => _ = endpoint.CloseIdleSessionsAsync(), null, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));
    }

    /// <summary>The URL clients connect to (the real port when 0 was asked).</summary>
    public Uri Endpoint { get; }

    public int SessionCount => _endpoint.SessionCount;

    public static async Task<McpHttpHost> StartAsync(DubAgentServer server, HttpBinding binding, CancellationToken cancellationToken)
    {
        var loggerFactory = server.Services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = "dubagent", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(binding.Address, binding.Port);
        });
        var app = builder.Build();
        var endpoint = new StreamableHttpEndpoint(server, loggerFactory);
        var gate = new AccessGate(binding);
        app.Use(gate.InvokeAsync);
        app.MapPost(HttpBinding.Path, endpoint.PostAsync);
        app.MapGet(HttpBinding.Path, endpoint.GetAsync);
        app.MapDelete(HttpBinding.Path, endpoint.DeleteAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? $"http://{binding.Address}:{binding.Port}";
        var bound = new Uri(address);
        var host = IPAddress.Any.Equals(binding.Address) || IPAddress.IPv6Any.Equals(binding.Address) ? Dns.GetHostName() : bound.Host;
        return new McpHttpHost(app, endpoint, new UriBuilder(bound.Scheme, host, bound.Port, HttpBinding.Path).Uri);
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => Microsoft.Extensions.Hosting.HostingAbstractionsHostExtensions.WaitForShutdownAsync(_app, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _idleSweep.DisposeAsync().ConfigureAwait(false);
        await _endpoint.DisposeAsync().ConfigureAwait(false);
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
