using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Engines.Synthesis.ElevenLabs;

/// <summary>
/// ElevenLabs' error answers as clear failures with the fix. The API answers `{"detail": {"status", "message"}}`
/// (401 invalid_api_key, 400 quota_exceeded / voice_not_found, 429 too_many_concurrent_requests / system_busy) or, for a
/// request that fails validation (422), `{"detail": [{"loc", "msg", "type"}]}`.
/// </summary>
public static class ElevenLabsErrors
{
    public static EngineFailedException From(string engine, int status, string body, string doing, TimeSpan? retryAfter)
    {
        var (code, message) = Detail(body);
        var hint = (status, code) switch
        {
            (401, _) or (_, "invalid_api_key") =>
                "The API key was refused: check DUBAGENT_ELEVENLABS__APIKEY (or ElevenLabs:ApiKey / ELEVENLABS_API_KEY) against https://elevenlabs.io/app/settings/api-keys.",
            (403, _) => "The key lacks the permission for this call (voice cloning needs a plan with Instant Voice Cloning): check the key's scopes and the plan.",
            (_, "quota_exceeded") => "The account's character quota is used up: buy credits or enable usage-based billing, or dub with another engine.",
            (_, "voice_not_found") or (404, _) =>
                "The voice id is not in this account: list the voices with `dubagent voices engine elevenlabs`, or re-create the cloned voice.",
            (429, "system_busy") => $"ElevenLabs is busy: try again {Later(retryAfter)}.",
            (429, _) => $"Too many requests at once for this plan: lower ElevenLabs:MaxConcurrency (2 by default, the free plan's limit) or try {Later(retryAfter)}.",
            (422, _) => "ElevenLabs refused the request's fields: check the samples (audio files), the model (ElevenLabs:Model) and the output format (ElevenLabs:OutputFormat).",
            (>= 500, _) => "ElevenLabs failed on its side: try again later.",
            _ => "Check the request and the key; ElevenLabs' message follows.",
        };
        var what = code is null ? message : $"{code}: {message}";
        return new EngineFailedException(engine, $"{doing} answered {status}{(what.Length > 0 ? $" ({what})" : "")}", hint);
    }

    public static EngineFailedException Unreachable(string engine, string baseUrl, Exception error) =>
        new(engine, $"cannot reach {baseUrl}: {error.Message}", "Check the network, or ElevenLabs:BaseUrl when it is set.", null, error);

    public static EngineFailedException Malformed(string engine, string path, string what) =>
        new(engine, $"{path}: {what}", "The server at ElevenLabs:BaseUrl does not answer as ElevenLabs' API does; check the address.");

    private static string Later(TimeSpan? retryAfter) => retryAfter is { } wait ? $"after {wait.TotalSeconds:0} s" : "in a minute";

    private static (string? Code, string Message) Detail(string body)
    {
        JsonNode? detail;
        try
        {
            detail = JsonNode.Parse(body)?["detail"];
        }
        catch (JsonException)
        {
            return (null, body.Length > 200 ? body[..200] : body.Trim());
        }
        return detail switch
        {
            JsonObject o => (o["status"]?.ToString(), o["message"]?.ToString() ?? ""),
            JsonArray a => ("validation", string.Join("; ", a.OfType<JsonObject>().Select(e =>
                $"{string.Join('.', (e["loc"] as JsonArray)?.Select(l => l?.ToString()) ?? [])}: {e["msg"]}"))),
            JsonValue v => (null, v.ToString()),
            _ => (null, ""),
        };
    }
}
