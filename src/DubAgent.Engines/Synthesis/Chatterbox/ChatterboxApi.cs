using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DubAgent.Engines.Synthesis.Chatterbox;

/// <summary>What GET /health says: `status` healthy / initializing / error / starting, and the server's text limit.</summary>
public sealed record ChatterboxHealth(string Status, bool ModelLoaded, string? Device, int? MaxTotalLength, string? Progress, string? Error)
{
    public bool Ready => Status == "healthy" && ModelLoaded;
}

/// <summary>One entry of the server's voice library (GET /v1/voices): its name, language and the file's hash.</summary>
public sealed record ChatterboxVoice(string Name, string Language, string? FileHash, string? FileName);

/// <summary>
/// The calls of the Chatterbox TTS API (travisvn/chatterbox-tts-api) DubAgent makes, as its docs and FastAPI routes
/// define them: GET /health, GET /v1/voices, POST /v1/voices (multipart `voice_name`, `voice_file`, `language`),
/// GET /v1/voices/{name}/download, DELETE /v1/voices/{name} and POST /v1/audio/speech (JSON `input`, `voice`,
/// `exaggeration`, `cfg_weight`, `temperature` → a WAV). Error answers become <see cref="ChatterboxErrors"/>.
/// </summary>
public sealed class ChatterboxApi(HttpClient http, ChatterboxOptions options, string engine)
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(5);

    public async Task<ChatterboxHealth> HealthAsync(CancellationToken cancellationToken)
    {
        var body = await SendForJsonAsync(() => new HttpRequestMessage(HttpMethod.Get, Url("/health")), "the health check", HealthTimeout, cancellationToken)
            .ConfigureAwait(false);
        return new ChatterboxHealth(Text(body?["status"]) ?? "unknown", body?["model_loaded"] is JsonValue v && v.TryGetValue<bool>(out var loaded) && loaded,
            Text(body?["device"]), body?["config"]?["max_total_length"] is JsonValue m && m.TryGetValue<int>(out var max) ? max : null,
            Text(body?["initialization_progress"]), Text(body?["initialization_error"]));
    }

    public async Task<IReadOnlyList<ChatterboxVoice>> ListVoicesAsync(CancellationToken cancellationToken)
    {
        var body = await SendForJsonAsync(() => new HttpRequestMessage(HttpMethod.Get, Url("/v1/voices")), "listing the voices", Timeout, cancellationToken)
            .ConfigureAwait(false);
        if (body?["voices"] is not JsonArray voices) throw ChatterboxErrors.Malformed(engine, "/v1/voices", "no `voices` list in the answer");
        return voices.OfType<JsonObject>()
            .Where(v => Text(v["name"]) is not null)
            .Select(v => new ChatterboxVoice(Text(v["name"])!, Text(v["language"]) ?? "en", Text(v["file_hash"]), Text(v["filename"])))
            .ToList();
    }

    /// <summary>POST /v1/voices: adds the file under <paramref name="name"/>; false when the name is taken (409), which the server never overwrites.</summary>
    public async Task<bool> TryUploadVoiceAsync(string name, string file, string language, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await SendAsync(() =>
            {
                var form = new MultipartFormDataContent
                {
                    { new StringContent(name), "voice_name" },
                    { new StringContent(language), "language" },
                };
                var part = new ByteArrayContent(File.ReadAllBytes(file));
                part.Headers.ContentType = new MediaTypeHeaderValue(MediaType(file));
                form.Add(part, "voice_file", Path.GetFileName(file));
                return new HttpRequestMessage(HttpMethod.Post, Url("/v1/voices")) { Content = form };
            }, "adding the voice", Timeout, cancellationToken, HttpStatusCode.Conflict).ConfigureAwait(false);
            return response.StatusCode != HttpStatusCode.Conflict;
        }
        catch (FileNotFoundException e)
        {
            throw new DubAgent.Abstractions.Errors.InputException($"The reference clip '{file}' is gone: {e.Message}", "Create the voice again.");
        }
    }

    /// <summary>GET /v1/voices/{name}/download into <paramref name="destination"/> (the file as it was uploaded).</summary>
    public async Task DownloadVoiceAsync(string name, string destination, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Url($"/v1/voices/{Uri.EscapeDataString(name)}/download")),
            "downloading the voice", Timeout, cancellationToken).ConfigureAwait(false);
        await using var file = File.Create(destination);
        await response.Content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>DELETE /v1/voices/{name}; false when the server has no such voice (404).</summary>
    public async Task<bool> DeleteVoiceAsync(string name, bool missingIsFine, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, Url($"/v1/voices/{Uri.EscapeDataString(name)}")),
            "deleting the voice", Timeout, cancellationToken, missingIsFine ? HttpStatusCode.NotFound : null).ConfigureAwait(false);
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    /// <summary>POST /v1/audio/speech → the WAV bytes the server answers.</summary>
    public async Task<byte[]> SpeakAsync(string text, string voice, CancellationToken cancellationToken)
    {
        var json = new JsonObject { ["input"] = text, ["voice"] = voice, ["response_format"] = "wav" };
        if (options.Exaggeration is { } exaggeration) json["exaggeration"] = exaggeration;
        if (options.CfgWeight is { } cfg) json["cfg_weight"] = cfg;
        if (options.Temperature is { } temperature) json["temperature"] = temperature;
        var body = json.ToJsonString();
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, Url("/v1/audio/speech"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        }, "speaking", Timeout, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    private TimeSpan Timeout => TimeSpan.FromSeconds(options.TimeoutSeconds);

    private string Url(string path) => options.BaseUrl + path;

    private async Task<JsonNode?> SendForJsonAsync(Func<HttpRequestMessage> request, string doing, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, doing, timeout, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw ChatterboxErrors.Malformed(engine, response.RequestMessage?.RequestUri?.AbsolutePath ?? doing, "the answer is not JSON");
        }
    }

    /// <summary>Sends within the timeout; an error answer throws, except the one status the caller handles itself.</summary>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, string doing, TimeSpan timeout, CancellationToken cancellationToken,
        HttpStatusCode? handled = null)
    {
        using var request = build();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw ChatterboxErrors.Unreachable(engine, options.BaseUrl, e);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw ChatterboxErrors.TimedOut(engine, options.BaseUrl, doing, (int)timeout.TotalSeconds);
        }
        if (response.IsSuccessStatusCode || response.StatusCode == handled) return response;
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw ChatterboxErrors.From(engine, options.BaseUrl, (int)response.StatusCode, body, doing, response.Headers.RetryAfter?.Delta);
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static string MediaType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".wav" => "audio/wav",
        ".mp3" => "audio/mpeg",
        ".flac" => "audio/flac",
        ".ogg" => "audio/ogg",
        ".m4a" => "audio/mp4",
        _ => "application/octet-stream",
    };
}
