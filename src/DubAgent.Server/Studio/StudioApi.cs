using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Pipelines;
using DubAgent.Server.Hosting;
using DubAgent.Server.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Server.Studio;

/// <summary>An API handler whose refusals <see cref="StudioApi.Guarded"/> turns into 400 answers.</summary>
public delegate Task<IResult> StudioHandler(HttpContext context);

/// <summary>The studio's JSON API: what can be chosen, starting a dub, the jobs, cancel and resume, and the job's files.</summary>
public sealed class StudioApi(DubAgentServer server, StudioRuns runs, StudioSettings settings, BatchRender batches)
{
    private readonly StudioChoices _choices = new(server, settings);

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/options", async context => await Json(await _choices.GetAsync(context.RequestAborted).ConfigureAwait(false))
            .ExecuteAsync(context).ConfigureAwait(false));
        endpoints.MapPost("/api/dubs", context => Guarded(context, StartDubAsync));
        endpoints.MapGet("/api/jobs", context => Json(server.Jobs.RecentIds(50)
            .Select(id => server.Jobs.TryOpen(id, out var job) ? JobView.Of(server, job!, withFiles: false) : null)
            .OfType<JobView>().Where(j => j.State != "empty").ToList()).ExecuteAsync(context));
        endpoints.MapGet("/api/jobs/{id}", context => Guarded(context, JobAsync));
        endpoints.MapPost("/api/jobs/{id}/cancel", context => Guarded(context, async c =>
        {
            await runs.CancelAsync(OpenJob(c).Id, c.RequestAborted).ConfigureAwait(false);
            return Json(JobView.Of(server, OpenJob(c)));
        }));
        endpoints.MapPost("/api/jobs/{id}/resume", context => Guarded(context, async c =>
        {
            var id = await runs.ResumeAsync(OpenJob(c).Id, c.RequestAborted).ConfigureAwait(false);
            return Json(new { job = id });
        }));
        endpoints.MapDelete("/api/jobs/{id}", context => Guarded(context, DeleteAsync));
        endpoints.MapGet("/files/{id}/{**path}", context =>
        {
            var path = server.Artifacts.Resolve(context.GetRouteValue("id")?.ToString() ?? "", (context.GetRouteValue("path")?.ToString() ?? "").Split('/'));
            var result = path is null
                ? Results.NotFound("There is no such file in this job.")
                : Results.File(path, MediaTypes.Of(path), context.Request.Query.ContainsKey("download") ? Path.GetFileName(path) : null, enableRangeProcessing: true);
            return result.ExecuteAsync(context);
        });
    }

    private async Task<IResult> StartDubAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var request = DubRequest.Read(form);
        var shipped = server.Services.GetService<RecipeCatalog>()?.Resolve("dub")
                      ?? throw new StudioRefusal("The shipped `dub` recipe is not installed next to dubagent (pipelines/dub.yaml).");
        var job = server.Jobs.Create();
        try
        {
            var folder = Path.Combine(job.Directory, "studio");
            var video = request.UploadedVideo is { } upload ? await Uploads.SaveAsync(upload, folder, "video", context.RequestAborted).ConfigureAwait(false) : request.PickedVideo!;
            var music = request.Music is { } song ? await Uploads.SaveAsync(song, folder, "music", context.RequestAborted).ConfigureAwait(false) : null;
            var recipe = StudioRecipe.Write(shipped, request, music, folder);
            var inputs = new Dictionary<string, string>
            {
                ["video"] = video,
                ["source_language"] = request.SourceLanguage,
                ["target_language"] = request.TargetLanguage,
                ["content"] = request.Content,
                ["budget"] = request.Budget,
            };
            await runs.StartAsync(recipe, inputs, job.Id, context.RequestAborted).ConfigureAwait(false);
            if (request.VoiceSets.Count > 0) batches.Start(job.Id, request.VoiceSets, context.RequestServices.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStopping);
            return Json(new { job = job.Id, url = $"/jobs/{job.Id}" });
        }
        catch
        {
            // A refused dub leaves no job behind.
            server.Jobs.Discard(job);
            throw;
        }
    }

    private Task<IResult> DeleteAsync(HttpContext context)
    {
        var job = OpenJob(context);
        if (job.Status is "running" or "queued") throw new StudioRefusal($"Job {job.Id} is still running: cancel it first.");
        server.Jobs.Discard(job);
        return Task.FromResult(Json(new { deleted = job.Id }));
    }

    private Task<IResult> JobAsync(HttpContext context) => Task.FromResult(Json(JobView.Of(server, OpenJob(context))));

    private Jobs.Job OpenJob(HttpContext context) => server.Jobs.Open(context.GetRouteValue("id")?.ToString() ?? "");

    /// <summary>JSON in the names MCP results use (snake_case).</summary>
    internal static IResult Json(object? value, int? statusCode = null) => Results.Json(value, Compact, statusCode: statusCode);

    /// <summary>One line per document: Server-Sent Events carry each state on one `data:` line.</summary>
    internal static readonly System.Text.Json.JsonSerializerOptions Compact = new(DubAgentJson.Options) { WriteIndented = false };

    /// <summary>Refusals and bad input answer 400 with their text and hint, never a stack trace.</summary>
    internal static async Task Guarded(HttpContext context, StudioHandler handle)
    {
        IResult result;
        try
        {
            result = await handle(context).ConfigureAwait(false);
        }
        catch (StudioRefusal e)
        {
            result = Json(new { error = e.Message }, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (DubAgentException e)
        {
            result = Json(new { error = e.Hint is null ? e.Message : $"{e.Message}\n{e.Hint}" }, statusCode: StatusCodes.Status400BadRequest);
        }
        await result.ExecuteAsync(context).ConfigureAwait(false);
    }
}
