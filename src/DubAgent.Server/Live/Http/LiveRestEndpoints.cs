using DubAgent.Abstractions;
using DubAgent.Engines.Synthesis;
using DubAgent.Server.Live.Sessions;
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
        routes.MapGet("/api/voices", () => Json(new
        {
            engine = "espeak-ng",
            voices = EspeakPersona.All.Select(p => new { name = p.Name, gender = p.Gender, relative_pitch = p.RelativePitch, description = p.Description }),
            cloning = false,
            note = "One voice per speaker is chosen from these; cloned voices need a cloning engine and the voice library.",
        }));
        routes.MapGet("/api/sessions/{session_id}", (string session_id) => sessions.Find(session_id) is { } record
            ? Json(record.Snapshot())
            : Json(new { error = $"No live session '{session_id}' is open or recently finished.", hint = "Use the session_id of the /ws/{connection_id}/{session_id} URL." },
                StatusCodes.Status404NotFound));
    }

    internal static IResult Json(object value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, DubAgentJson.Compact, statusCode: status);
}
