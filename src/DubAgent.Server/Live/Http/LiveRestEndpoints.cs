using DubAgent.Abstractions;
using DubAgent.Engines.Synthesis;
using DubAgent.Server.Live.Sessions;
using DubAgent.Server.Live.Voices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DubAgent.Server.Live.Http;

/// <summary>GET /api/health, /api/voices and /api/sessions/{session_id}: what a live-dubbing client asks besides the socket.</summary>
public static class LiveRestEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, LiveSessions sessions, LiveEngines engines)
    {
        routes.MapGet("/api/health", () => Json(new
        {
            status = "ok",
            live_sessions = sessions.Open,
            max_live_sessions = sessions.Max,
            engines = engines.Names,
            note = engines.VadNote,
        }));
        routes.MapGet("/api/voices", async (CancellationToken cancellationToken) =>
        {
            var (cloner, missing) = await CloningEngines.PickAsync(engines.Registry, cancellationToken).ConfigureAwait(false);
            var actors = engines.Library is { } library ? await library.ListAsync(cancellationToken).ConfigureAwait(false) : [];
            return Json(new
            {
                engine = "espeak-ng",
                voices = EspeakPersona.All.Select(p => new { name = p.Name, gender = p.Gender, relative_pitch = p.RelativePitch, description = p.Description }),
                actors = actors.Select(a => new
                {
                    name = a.Name,
                    clips = a.Clips.Count,
                    consent = a.Consents.Count > 0 || a.ClonedVoices.Count > 0,
                    voices = a.Assignments.Select(v => new { language = v.Language, engine = v.Engine, voice = v.Voice }),
                    cloned = a.ClonedVoices.Select(v => new { engine = v.Engine, voice_id = v.VoiceId }),
                }),
                cloning = cloner is not null,
                cloning_engine = cloner,
                note = cloner is null
                    ? $"Each speaker gets one of these voices, or with preserve_voice the library voice of the actor they match; cloning: {missing}."
                    : "Each speaker gets one of these voices, or with preserve_voice the library voice of the actor they match.",
            });
        });
        routes.MapGet("/api/sessions/{session_id}", (string session_id) => sessions.Find(session_id) is { } record
            ? Json(record.Snapshot())
            : Json(new { error = $"No live session '{session_id}' is open or recently finished.", hint = "Use the session_id of the /ws/{connection_id}/{session_id} URL." },
                StatusCodes.Status404NotFound));
    }

    internal static IResult Json(object value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, DubAgentJson.Compact, statusCode: status);
}
