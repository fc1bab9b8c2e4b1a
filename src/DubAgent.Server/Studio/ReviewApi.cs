using System.Text.Json.Nodes;
using DubAgent.Core.Workspace;
using DubAgent.Server.Hosting;
using DubAgent.Server.Resources;
using DubAgent.Server.Review;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DubAgent.Server.Studio;

/// <summary>
/// The review page's API: the dub's lines (times, speaker, source and target text, fit, stretch, overflow, voice) and
/// one line's new translation. An edit rewrites that line in the job's translation.json and runs the recipe again in
/// the same job: the cache keeps every step whose inputs did not change, and synthesize makes only the changed clip.
/// </summary>
public sealed class ReviewApi(DubAgentServer server, StudioRuns runs)
{
    public const string TranslationFile = "translate/translation.json";
    public const string PlacementsFile = "synthesize/placements.json";

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/jobs/{id}/segments", context => StudioApi.Guarded(context, SegmentsAsync));
        endpoints.MapPost("/api/jobs/{id}/segments/{segment}", context => StudioApi.Guarded(context, EditAsync));
        endpoints.MapGet("/api/jobs/{id}/source", context =>
        {
            // The video the job dubbed, as its run recorded it (an upload in the job, or a file picked inside the roots).
            var folder = Folder(context);
            var video = JobStatus.Read(folder)?.Inputs.GetValueOrDefault("video");
            var allowed = video is not null && File.Exists(video)
                          && server.Options.Roots.Append(server.Jobs.Directory).Any(root => Abstractions.Tools.RealPath.IsInside(
                              Abstractions.Tools.RealPath.Of(video), Abstractions.Tools.RealPath.Of(root)));
            return (allowed ? Results.File(video!, MediaTypes.Of(video!), enableRangeProcessing: true) : Results.NotFound("This job has no source video to play."))
                .ExecuteAsync(context);
        });
    }

    private string Folder(HttpContext context) => server.Jobs.Open(context.GetRouteValue("id")?.ToString() ?? "").Directory;

    private Task<IResult> SegmentsAsync(HttpContext context) => Task.FromResult(StudioApi.Json(Segments(Folder(context))));

    private static JsonArray Segments(string folder)
    {
        var translation = Read(folder, TranslationFile)
                          ?? throw new StudioRefusal("This job has no translation yet: review opens once the translate step has finished.");
        var placements = (Read(folder, PlacementsFile)?["placements"] as JsonArray ?? [])
            .OfType<JsonObject>().Where(p => p["id"] is not null).ToDictionary(p => p["id"]!.ToString(), StringComparer.Ordinal);
        var rows = new JsonArray();
        foreach (var segment in translation["segments"] as JsonArray ?? [])
        {
            if (segment is not JsonObject s) continue;
            var id = s["id"]?.ToString() ?? "";
            placements.TryGetValue(id, out var placed);
            rows.Add(new JsonObject
            {
                ["id"] = id,
                ["start"] = s["start"]?.DeepClone(),
                ["end"] = s["end"]?.DeepClone(),
                ["speaker"] = s["speaker"]?.DeepClone(),
                ["text"] = s["text"]?.DeepClone(),
                ["target_text"] = s["target_text"]?.DeepClone(),
                ["fit_ratio"] = s["fit_ratio"]?.DeepClone(),
                ["flag"] = s["flag"]?.DeepClone(),
                ["voice"] = placed?["voice"]?.DeepClone(),
                ["stretch_ratio"] = placed?["stretch_ratio"]?.DeepClone(),
                ["overflow_seconds"] = placed?["overflow_seconds"]?.DeepClone(),
            });
        }
        return rows;
    }

    private async Task<IResult> EditAsync(HttpContext context)
    {
        var folder = Folder(context);
        var job = context.GetRouteValue("id")!.ToString()!;
        var segmentId = context.GetRouteValue("segment")?.ToString() ?? "";
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var text = body?["target_text"]?.GetValue<string>()?.Trim();
        if (string.IsNullOrEmpty(text)) throw new StudioRefusal("target_text: write the new translation of the line (it cannot be empty).");
        if (server.Jobs.Open(job).Status is "running" or "queued") throw new StudioRefusal($"Job {job} is still running: edit its lines once it has finished.");

        var translation = Read(folder, TranslationFile) ?? throw new StudioRefusal("This job has no translation to edit.");
        var segment = (translation["segments"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(s => s["id"]?.ToString() == segmentId)
                      ?? throw new StudioRefusal($"There is no line '{segmentId}' in this job's translation.");
        if (segment["target_text"]?.ToString() == text) return StudioApi.Json(new { job, changed = false });
        // The same edit as MCP review: the line's fit, estimate and over-budget flag are measured again for the new words.
        TranslationReview.Apply(Path.Combine(folder, TranslationFile), new Dictionary<string, string> { [segmentId] = text });
        await runs.ResumeAsync(job, context.RequestAborted).ConfigureAwait(false);
        return StudioApi.Json(new { job, changed = true });
    }

    private static JsonNode? Read(string folder, string relative)
    {
        var path = Path.Combine(folder, relative);
        return File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) : null;
    }
}
