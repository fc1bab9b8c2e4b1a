using System.Text.Json.Nodes;
using DubAgent.Abstractions.Engines;
using DubAgent.Core.Workspace;
using DubAgent.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Server.Studio;

public sealed record SpeakerVoice(string Speaker, string? Voice);

public sealed record VoiceCast(string? Engine, string? Language, IReadOnlyList<SpeakerVoice> Speakers, IReadOnlyList<string> Voices);

/// <summary>
/// The casting of a finished dub (until a voice library exists): each speaker's voice and the voices the synthesis
/// engine that ran offers in the target language. Recasting a speaker writes it into the job's studio recipe and runs
/// it again: only that speaker's lines are spoken again (the clip cache is keyed by voice), then mix and export.
/// </summary>
public sealed class VoiceCastApi(DubAgentServer server, StudioRuns runs)
{
    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/jobs/{id}/voices", context => StudioApi.Guarded(context, GetAsync));
        endpoints.MapPost("/api/jobs/{id}/voices", context => StudioApi.Guarded(context, RecastAsync));
    }

    private async Task<IResult> GetAsync(HttpContext context) =>
        StudioApi.Json(await CastAsync(Folder(context), context.RequestAborted).ConfigureAwait(false));

    private async Task<IResult> RecastAsync(HttpContext context)
    {
        var folder = Folder(context);
        var job = Path.GetFileName(folder);
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var speaker = body?["speaker"]?.GetValue<string>() ?? "";
        var voice = body?["voice"]?.GetValue<string>() ?? "";
        var cast = await CastAsync(folder, context.RequestAborted).ConfigureAwait(false);
        if (cast.Speakers.All(s => s.Speaker != speaker)) throw new StudioRefusal($"speaker: '{speaker}' does not speak in this dub ({string.Join(", ", cast.Speakers.Select(s => s.Speaker))}).");
        if (!cast.Voices.Contains(voice)) throw new StudioRefusal($"voice: '{voice}' is not a {cast.Language} voice of {cast.Engine}.");
        if (server.Jobs.Open(job).Status is "running" or "queued") throw new StudioRefusal($"Job {job} is still running: recast once it has finished.");
        var record = JobStatus.Read(folder) ?? throw new StudioRefusal($"Job {job} has no recipe run.");
        StudioRecipe.SetVoice(record.RecipeFile, speaker, voice);
        await runs.ResumeAsync(job, context.RequestAborted).ConfigureAwait(false);
        return StudioApi.Json(new { job, changed = true });
    }

    private async Task<VoiceCast> CastAsync(string folder, CancellationToken cancellationToken)
    {
        var placements = File.Exists(Path.Combine(folder, ReviewApi.PlacementsFile))
            ? JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, ReviewApi.PlacementsFile), cancellationToken).ConfigureAwait(false))?["placements"] as JsonArray
            : null;
        if (placements is null) throw new StudioRefusal("This job has no synthesized voice yet: casting opens once synthesize has finished.");
        var speakers = placements.OfType<JsonObject>()
            .Select(p => new SpeakerVoice(p["speaker"]?.ToString() ?? "", p["voice"]?.ToString()))
            .Where(s => s.Speaker.Length > 0).DistinctBy(s => s.Speaker).OrderBy(s => s.Speaker, StringComparer.Ordinal).ToList();
        var engineName = JobWorkspace.ReadRecordIn(Path.Combine(folder, "synthesize"))?.EngineRan;
        var language = JobStatus.Read(folder)?.Inputs.GetValueOrDefault("target_language");
        var registry = server.Services.GetRequiredService<IEngineRegistry>();
        var voices = new List<string>();
        if (engineName is not null && registry.Find(Capabilities.Synthesize, engineName) is ISynthesizer synthesizer)
        {
            foreach (var voice in await synthesizer.ListVoicesAsync(cancellationToken).ConfigureAwait(false))
                if (language is null || voice.Languages.Count == 0 || voice.Languages.Any(l => l.StartsWith(language, StringComparison.OrdinalIgnoreCase)))
                    voices.Add(voice.Name);
        }
        return new VoiceCast(engineName, language, speakers, voices.Distinct().Order(StringComparer.Ordinal).ToList());
    }

    private string Folder(HttpContext context) => server.Jobs.Open(context.GetRouteValue("id")?.ToString() ?? "").Directory;
}
