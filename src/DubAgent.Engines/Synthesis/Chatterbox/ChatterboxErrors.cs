using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Engines.Synthesis.Chatterbox;

/// <summary>
/// The Chatterbox TTS API's error answers as clear failures with the fix. The server answers
/// `{"error": {"message", "type"}}` (400 invalid_request_error / validation_error, 404 voice_not_found_error, 409
/// voice_exists_error, 500 model_error / generation_error / voice_library_error) or, for a request that fails
/// validation, FastAPI's 422 `{"detail": [{"loc", "msg", "type"}]}`. 413, 429 and 503 come from a proxy in front of it.
/// </summary>
public static class ChatterboxErrors
{
    /// <summary>How to start the server, as its README says (Docker Compose from a clone of the repository).</summary>
    public const string StartHint =
        "Start the Chatterbox TTS API server (https://github.com/travisvn/chatterbox-tts-api): git clone https://github.com/travisvn/chatterbox-tts-api && cd chatterbox-tts-api && cp .env.example.docker .env && docker compose -f docker/docker-compose.yml up -d " +
        "(docker/docker-compose.gpu.yml with an NVIDIA GPU, docker/docker-compose.cpu.yml without one). It listens on http://localhost:4123; on another address set DUBAGENT_CHATTERBOX__BASEURL (or --config Chatterbox:BaseUrl=...).";

    public static EngineFailedException From(string engine, string baseUrl, int status, string body, string doing, TimeSpan? retryAfter)
    {
        var (type, message) = Detail(body);
        var hint = (status, type) switch
        {
            (404, "voice_not_found_error") =>
                "The voice is not in the server's voice library: list its voices with `dubagent voices engine chatterbox`, or create the cloned voice again (`dubagent voices delete NAME`, then `dubagent voices create NAME --sample ... --consent ... --engine chatterbox`).",
            (404, _) => $"The server at {baseUrl} has no such endpoint: it is not the Chatterbox TTS API, or a version without the voice library (update it); check Chatterbox:BaseUrl.",
            (409, _) => "A voice of that name is already in the server's voice library, and DubAgent never overwrites one: delete it there (DELETE /v1/voices/NAME) if it is not wanted, or create the voice again (it gets a new name).",
            (413, _) => "The reference clip is larger than the server (or a proxy in front of it) accepts; the API takes files up to 10 MB: give shorter samples.",
            (429, _) => $"Too many requests at once: lower Chatterbox:MaxConcurrency (1 by default) or try again {Later(retryAfter)}.",
            (422, _) => "The server refused the request's fields: check Chatterbox:Exaggeration (0.25-2), Chatterbox:CfgWeight (0-1) and Chatterbox:Temperature (0.05-5).",
            (400, _) when message.Contains("language", StringComparison.OrdinalIgnoreCase) || message.Contains("Only English", StringComparison.Ordinal) =>
                "The server's model does not speak this language: the multilingual model (USE_MULTILINGUAL_MODEL=true, its default) speaks 22 languages, listed at GET /languages; dub into one of them or use another engine.",
            (400, _) when message.Contains("too long", StringComparison.OrdinalIgnoreCase) =>
                "The text is longer than the server's MAX_TOTAL_LENGTH: raise it in the server's .env, or shorten the line.",
            (400, _) => "The server refused the request: check the reference clip (mp3, wav, flac, m4a or ogg, at most 10 MB) and the voice name; the server's message follows.",
            (500, "model_error") or (503, _) =>
                $"The server's model is not loaded yet (it loads for minutes after a start) or failed to load: see {baseUrl}/health and `docker logs chatterbox-tts-api -f`, then try again.",
            (>= 500, _) => "The server failed on its side: see its log (`docker logs chatterbox-tts-api -f`); on a machine without an NVIDIA GPU run docker/docker-compose.cpu.yml.",
            _ => "Check the request and the server; its message follows.",
        };
        var what = type is null ? message : $"{type}: {message}";
        return new EngineFailedException(engine, $"{doing} answered {status}{(what.Length > 0 ? $" ({what})" : "")}", hint);
    }

    public static EngineFailedException Unreachable(string engine, string baseUrl, Exception error) =>
        new(engine, $"no Chatterbox TTS API server answers at {baseUrl} ({error.Message})", StartHint, null, error);

    public static EngineFailedException TimedOut(string engine, string baseUrl, string doing, int seconds) =>
        new(engine, $"{doing} at {baseUrl} took longer than {seconds} s",
            "The server is slow (on a CPU a line can take a minute): raise Chatterbox:TimeoutSeconds, or run the server with a GPU (docker/docker-compose.gpu.yml).");

    public static EngineFailedException Malformed(string engine, string path, string what) =>
        new(engine, $"{path}: {what}", "The server at Chatterbox:BaseUrl does not answer as the Chatterbox TTS API does; check the address.");

    private static string Later(TimeSpan? retryAfter) => retryAfter is { } wait ? $"after {wait.TotalSeconds:0} s" : "in a minute";

    private static (string? Type, string Message) Detail(string body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return (null, body.Length > 200 ? body[..200].Trim() : body.Trim());
        }
        if (root?["error"] is JsonObject error) return (error["type"]?.ToString(), error["message"]?.ToString() ?? "");
        return root?["detail"] switch
        {
            JsonObject o when o["error"] is JsonObject e => (e["type"]?.ToString(), e["message"]?.ToString() ?? ""),
            JsonArray a => ("validation", string.Join("; ", a.OfType<JsonObject>().Select(e =>
                $"{string.Join('.', (e["loc"] as JsonArray)?.Select(l => l?.ToString()) ?? [])}: {e["msg"]}"))),
            JsonValue v => (null, v.ToString()),
            _ => (null, ""),
        };
    }
}
