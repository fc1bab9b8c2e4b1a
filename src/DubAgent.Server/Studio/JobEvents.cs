using System.Text.Json;
using DubAgent.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DubAgent.Server.Studio;

/// <summary>
/// Server-Sent Events of a job's state: a `state` event whenever it changes (progress, a step finishing, an error) and a
/// `done` event once the run ended. The browser's EventSource reconnects by itself after a drop, and a reloaded page
/// simply opens the stream again: each connection starts with the whole current state. While the job's batch renders
/// (each render is a run of its own), the stream goes on until the last one.
/// </summary>
public sealed class JobEvents(DubAgentServer server, BatchRender batches)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/jobs/{id}/events", async context =>
        {
            if (!server.Jobs.TryOpen(context.GetRouteValue("id")?.ToString() ?? "", out var job))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-store";
            var ct = context.RequestAborted;
            string? last = null;
            var quiet = DateTime.UtcNow;
            try
            {
                while (!ct.IsCancellationRequested)
                {
                    var view = JobView.Of(server, job!);
                    var json = JsonSerializer.Serialize(view, StudioApi.Compact);
                    if (json != last)
                    {
                        await context.Response.WriteAsync($"event: state\ndata: {json}\n\n", ct).ConfigureAwait(false);
                        last = json;
                        quiet = DateTime.UtcNow;
                    }
                    else if (DateTime.UtcNow - quiet > KeepAlive)
                    {
                        await context.Response.WriteAsync(": alive\n\n", ct).ConfigureAwait(false);
                        quiet = DateTime.UtcNow;
                    }
                    await context.Response.Body.FlushAsync(ct).ConfigureAwait(false);
                    if (view.Finished && !batches.IsRendering(job!.Id))
                    {
                        await context.Response.WriteAsync("event: done\ndata: {}\n\n", ct).ConfigureAwait(false);
                        return;
                    }
                    await Task.Delay(Poll, ct).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The page went away.
            }
        });
}
