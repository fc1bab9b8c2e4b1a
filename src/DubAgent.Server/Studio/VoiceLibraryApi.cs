using System.Globalization;
using System.Text.Json.Nodes;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Voices;
using DubAgent.Engines.Languages;
using DubAgent.Engines.Voices;
using DubAgent.Server.Hosting;
using DubAgent.Server.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Server.Studio;

/// <summary>A synthesis engine as the voices page offers it: whether it runs here and whether it can clone a voice.</summary>
public sealed record VoiceEngine(string Name, bool Available, string? Missing, bool Clones);

public sealed record EngineVoice(string Name, IReadOnlyList<string> Languages);

/// <summary>
/// The voices page's API on the voice library (<see cref="IVoiceLibrary"/>): the actors, the synthesis engines and
/// their real voices, creating an actor with consent (<see cref="VoiceEnrollment"/>, the rule the CLI and MCP share),
/// adding recordings to an actor, assigning a voice per language (<see cref="VoiceAssigner"/>), deleting, and playing an
/// actor's reference clips.
/// </summary>
public sealed class VoiceLibraryApi(DubAgentServer server)
{
    private readonly JobSpeakerClips _jobClips = new(server);

    private IVoiceLibrary Library => server.Services.GetRequiredService<IVoiceLibrary>();
    private IEngineRegistry Engines => server.Services.GetRequiredService<IEngineRegistry>();

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/library", context => StudioApi.Guarded(context, ListAsync));
        endpoints.MapGet("/api/library/engines/{engine}", context => StudioApi.Guarded(context, EngineVoicesAsync));
        endpoints.MapPost("/api/library/actors", context => StudioApi.Guarded(context, CreateAsync));
        endpoints.MapPost("/api/library/actors/{name}/assign", context => StudioApi.Guarded(context, AssignAsync));
        endpoints.MapPost("/api/library/actors/{name}/clips", context => StudioApi.Guarded(context, AddClipsAsync));
        endpoints.MapDelete("/api/library/actors/{name}", context => StudioApi.Guarded(context, DeleteAsync));
        endpoints.MapGet("/api/library/actors/{name}/clips/{sha}", context => StudioApi.Guarded(context, ClipAsync));
    }

    private async Task<IResult> ListAsync(HttpContext context)
    {
        var actors = await Library.ListAsync(context.RequestAborted).ConfigureAwait(false);
        return StudioApi.Json(new
        {
            library = Library.Directory,
            actors = actors.Select(a => VoiceSummary.Of(a, withClips: true)).ToList(),
            engines = await EnginesAsync(context.RequestAborted).ConfigureAwait(false),
            job_speakers = _jobClips.List().Select(s => new { key = s.Key, s.Job, s.Speaker, s.Lines, s.Seconds }).ToList(),
        });
    }

    private async Task<IReadOnlyList<VoiceEngine>> EnginesAsync(CancellationToken cancellationToken)
    {
        var list = new List<VoiceEngine>();
        foreach (var engine in Engines.ForCapability(Capabilities.Synthesize))
        {
            var status = await Engines.StatusAsync(engine, cancellationToken).ConfigureAwait(false);
            list.Add(new VoiceEngine(engine.Name, status.Available, status.Available ? null : status.Detail, engine is IVoiceCloner));
        }
        return list;
    }

    /// <summary>The voices an engine really offers here (optionally in one language): the names assignment takes.</summary>
    private async Task<IResult> EngineVoicesAsync(HttpContext context)
    {
        var name = context.GetRouteValue("engine")?.ToString() ?? "";
        var engine = Engines.Find(Capabilities.Synthesize, name) as ISynthesizer ?? throw new StudioRefusal($"engine: there is no synthesis engine '{name}'.");
        var status = await Engines.StatusAsync(engine, context.RequestAborted).ConfigureAwait(false);
        if (!status.Available) return StudioApi.Json(new { engine = engine.Name, available = false, missing = status.Detail, voices = Array.Empty<EngineVoice>() });
        var language = context.Request.Query["language"].ToString().Trim();
        var voices = (await engine.ListVoicesAsync(context.RequestAborted).ConfigureAwait(false))
            .Where(v => language.Length == 0 || v.Languages.Count == 0 || v.Languages.Any(l => LanguageSet.SamePrimary(l, language)))
            .Select(v => new EngineVoice(v.Name, v.Languages)).DistinctBy(v => v.Name).OrderBy(v => v.Name, StringComparer.Ordinal).ToList();
        return StudioApi.Json(new { engine = engine.Name, available = true, voices });
    }

    private async Task<IResult> CreateAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var name = form["name"].ToString().Trim();
        // Checked before any upload is stored or clip cut: no consent, no voice (VoiceEnrollment checks it again, as for the CLI).
        if (string.IsNullOrWhiteSpace(form["consent"]))
            throw new StudioRefusal($"consent: refusing to create the voice '{name}' without consent. {ConsentRequirement.Why} " +
                                    "Write the statement the person agreed to, in their own words.");
        var engine = form["clone_engine"].ToString().Trim();
        if (engine.Length > 0 && !(await EnginesAsync(context.RequestAborted).ConfigureAwait(false)).Any(e => e.Clones && e.Available && e.Name == engine))
            throw new StudioRefusal($"clone_engine: '{engine}' is not a cloning engine that can run here; leave it empty to keep the samples and consent for later.");
        return await WithSamplesAsync(form, context.RequestAborted, async (samples, sources, scratch) =>
        {
            var note = form["note"].ToString().Trim() is { Length: > 0 } n ? n : $"created in the studio from {string.Join(", ", sources)}";
            var actor = await server.Services.GetRequiredService<VoiceEnrollment>().CreateAsync(
                new CreateVoiceRequest(name, samples, form["consent"], form["consented_by"], engine.Length > 0 ? engine : null, note), scratch, context.RequestAborted)
                .ConfigureAwait(false);
            return StudioApi.Json(VoiceSummary.Of(actor, withClips: true));
        }).ConfigureAwait(false);
    }

    /// <summary>More recordings of an actor (uploads and/or job speakers), as `dubagent voices add` keeps them.</summary>
    private async Task<IResult> AddClipsAsync(HttpContext context)
    {
        var name = context.GetRouteValue("name")?.ToString() ?? "";
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        return await WithSamplesAsync(form, context.RequestAborted, async (samples, _, scratch) =>
        {
            var actor = await server.Services.GetRequiredService<VoiceEnrollment>().AddSamplesAsync(name, samples, scratch, context.RequestAborted)
                .ConfigureAwait(false);
            return StudioApi.Json(VoiceSummary.Of(actor, withClips: true));
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// The form's samples (uploads under `samples`, job speakers under `job_speakers`) saved or cut into a scratch folder
    /// for <paramref name="use"/>, with a description of where each came from; nothing of them stays in the jobs folder.
    /// </summary>
    private async Task<IResult> WithSamplesAsync(IFormCollection form, CancellationToken cancellationToken,
        Func<List<string>, List<string>, string, Task<IResult>> use)
    {
        var uploads = Path.Combine(server.Jobs.Directory, ".voice-uploads");
        var scratch = Path.Combine(uploads, Guid.NewGuid().ToString("N"));
        try
        {
            var samples = new List<string>();
            var sources = new List<string>();
            foreach (var (file, index) in form.Files.GetFiles("samples").Where(f => f.Length > 0).Select((f, i) => (f, i)))
            {
                // Each upload in its own folder under its own (cleaned) name: the library records it as the clip's source.
                var named = new string(Path.GetFileNameWithoutExtension(file.FileName).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
                samples.Add(await Uploads.SaveAsync(file, Path.Combine(scratch, $"{index + 1}"), named.Length > 0 ? named : "sample", cancellationToken)
                    .ConfigureAwait(false));
                sources.Add(Path.GetFileName(samples[^1]));
            }
            foreach (var key in form["job_speakers"].OfType<string>().Where(k => k.Length > 0).Distinct())
            {
                samples.Add(await _jobClips.CutAsync(key, scratch, cancellationToken).ConfigureAwait(false));
                var slash = key.IndexOf('/', StringComparison.Ordinal);
                sources.Add($"{key[(slash + 1)..]} of job {key[..slash]}");
            }
            if (samples.Count == 0) throw new StudioRefusal("samples: upload a recording of the person's voice or choose a speaker of a job.");
            return await use(samples, sources, scratch).ConfigureAwait(false);
        }
        finally
        {
            if (Directory.Exists(scratch)) Directory.Delete(scratch, recursive: true);
            // The library keeps its own copies: nothing of the upload stays in the jobs folder.
            try
            {
                if (Directory.Exists(uploads) && !Directory.EnumerateFileSystemEntries(uploads).Any()) Directory.Delete(uploads);
            }
            catch (IOException)
            {
                // Another creation has just put its upload there: it removes the folder when it ends.
            }
        }
    }

    private async Task<IResult> AssignAsync(HttpContext context)
    {
        var name = context.GetRouteValue("name")?.ToString() ?? "";
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var language = Text(body, "language").ToLowerInvariant();
        if (!System.Text.RegularExpressions.Regex.IsMatch(language, "^[a-z]{2,3}([-_][a-z0-9]{2,8})?$"))
            throw new StudioRefusal($"language: '{language}' is not a language code such as es or pt-br.");
        var engine = Text(body, "engine");
        var voice = Text(body, "voice");
        if (engine.Length == 0 || voice.Length == 0) throw new StudioRefusal("engine, voice: choose an engine and one of its voices.");
        var rate = Number(body, "rate", 0.5, 2);
        var pitch = Number(body, "pitch", -12, 12);
        await server.Services.GetRequiredService<VoiceAssigner>()
            .AssignAsync(name, new VoiceAssignment(language, engine, voice, rate, pitch, DateTimeOffset.UtcNow), context.RequestAborted).ConfigureAwait(false);
        var actor = await Library.FindAsync(name, context.RequestAborted).ConfigureAwait(false);
        return StudioApi.Json(actor is null ? null : VoiceSummary.Of(actor, withClips: true));
    }

    private async Task<IResult> DeleteAsync(HttpContext context)
    {
        var name = context.GetRouteValue("name")?.ToString() ?? "";
        if (!await Library.DeleteAsync(name, context.RequestAborted).ConfigureAwait(false))
            throw new StudioRefusal($"The voice library has no actor named '{name}'.");
        return StudioApi.Json(new { deleted = name });
    }

    /// <summary>Only a clip the library recorded for that actor: the page can play it, nothing else in the folder is reachable.</summary>
    private async Task<IResult> ClipAsync(HttpContext context)
    {
        var actor = await Library.FindAsync(context.GetRouteValue("name")?.ToString() ?? "", context.RequestAborted).ConfigureAwait(false);
        var clip = actor?.Clips.FirstOrDefault(c => c.Sha256 == context.GetRouteValue("sha")?.ToString());
        return clip is not null && File.Exists(clip.Path)
            ? Results.File(clip.Path, MediaTypes.Of(clip.Path), enableRangeProcessing: true)
            : Results.NotFound("There is no such clip in the voice library.");
    }

    private static string Text(JsonNode? body, string name) => body?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : "";

    private static double? Number(JsonNode? body, string name, double min, double max)
    {
        var node = body?[name];
        if (node is null) return null;
        var text = node.ToString().Trim();
        if (text.Length == 0) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        throw new StudioRefusal($"{name}: '{text}' must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
    }
}
