using DubAgent.Server.Hosting;
using DubAgent.Server.Live.Http;
using DubAgent.Server.Live.Sessions;
using DubAgent.Server.Live.Socket;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DubAgent.Server.Live;

/// <summary>
/// Live dubbing on the `serve --http` host: the WebSocket `/ws/{connection_id}/{session_id}`, the REST API under
/// `/api/`, and the `/live` page. Browsers cannot set an Authorization header on a WebSocket, so on these paths a
/// `token` query parameter stands for it; the AccessGate then checks it like any bearer token.
/// </summary>
public static class LiveDubbing
{
    /// <summary>Call before the AccessGate, so a query token is seen as the bearer token.</summary>
    public static WebApplication UseLiveDubbing(this WebApplication app, DubAgentServer server)
    {
        var options = LiveOptions.From(server.Services.GetService<IConfiguration>());
        var engines = new LiveEngines(server.Services, options, Path.Combine(server.Jobs.Directory, ".live"));
        var sessions = new LiveSessions(options.MaxSessions, options.KeepFinishedSessions);
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>();
        var uploads = new UploadJobs();
        // The host waits for its stopping callbacks (within its shutdown timeout): the jobs stop and say so before it goes.
        stopping.ApplicationStopping.Register(() => uploads.InterruptAllAsync().Wait(TimeSpan.FromSeconds(20)));
        stopping.ApplicationStopped.Register(() => engines.DisposeAsync().AsTask().GetAwaiter().GetResult());

        app.Use(QueryToken);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
        app.Map("/ws/{connection_id}/{session_id}", async (HttpContext context, string connection_id, string session_id) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                await LiveRestEndpoints.Json(new { error = "This is a WebSocket endpoint.", hint = "Connect with ws://HOST/ws/{connection_id}/{session_id}." },
                    StatusCodes.Status400BadRequest).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }
            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            var (record, refusal) = sessions.TryOpen(session_id, connection_id);
            if (record is null)
            {
                await SessionRefusal.SendAsync(socket, refusal!, options.MaxSessions).ConfigureAwait(false);
                return;
            }
            try
            {
                await new LiveSocketSession(socket, record, engines, options, stopping.ApplicationStopping).RunAsync().ConfigureAwait(false);
            }
            finally
            {
                sessions.Close(record);
            }
        });
        LiveRestEndpoints.Map(app, sessions, engines);
        LivePage.Map(app);
        UploadAudioEndpoint.Map(app, server, options, uploads);
        // The first session should not pay for loading the recogniser's model.
        _ = Task.Run(() => engines.Decoders.Warm());
        return app;
    }

    private static Task QueryToken(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        if (string.IsNullOrEmpty(context.Request.Headers.Authorization) && context.Request.Query.TryGetValue("token", out var token) && token.Count == 1
            && (path.StartsWithSegments("/ws") || path.StartsWithSegments("/api") || path.StartsWithSegments("/live")))
            context.Request.Headers.Authorization = "Bearer " + token[0];
        return next(context);
    }
}
