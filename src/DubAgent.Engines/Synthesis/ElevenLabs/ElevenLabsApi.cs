using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Abstractions.Engines;

namespace DubAgent.Engines.Synthesis.ElevenLabs;

/// <summary>
/// The four calls of ElevenLabs' REST API DubAgent makes, as its API reference documents them, with the key in the
/// `xi-api-key` header: add a voice (multipart `name` + `files`), list voices, text to speech (JSON body, audio in the
/// response, `output_format` in the query) and delete a voice. Error answers become <see cref="ElevenLabsErrors"/>.
/// </summary>
public sealed class ElevenLabsApi(HttpClient http, ElevenLabsOptions options, string engine)
{
    /// <summary>POST /v1/voices/add → the new voice's `voice_id`.</summary>
    public async Task<string> AddVoiceAsync(string name, IReadOnlyList<string> files, string description, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(name), "name");
        form.Add(new StringContent(description), "description");
        form.Add(new StringContent(options.RemoveBackgroundNoise ? "true" : "false"), "remove_background_noise");
        var streams = new List<Stream>();
        try
        {
            foreach (var file in files)
            {
                var stream = File.OpenRead(file);
                streams.Add(stream);
                var part = new StreamContent(stream);
                part.Headers.ContentType = new MediaTypeHeaderValue(MediaType(file));
                form.Add(part, "files", Path.GetFileName(file));
            }
            using var request = Request(HttpMethod.Post, "/v1/voices/add", form);
            var body = await SendForJsonAsync(request, "adding the voice", cancellationToken).ConfigureAwait(false);
            return body?["voice_id"]?.GetValue<string>() is { Length: > 0 } id
                ? id
                : throw ElevenLabsErrors.Malformed(engine, "/v1/voices/add", "no voice_id in the answer");
        }
        finally
        {
            foreach (var stream in streams) await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>GET /v1/voices: the account's voices (premade and its own clones), id as the name.</summary>
    public async Task<IReadOnlyList<VoiceInfo>> ListVoicesAsync(CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, "/v1/voices", null);
        var body = await SendForJsonAsync(request, "listing the voices", cancellationToken).ConfigureAwait(false);
        if (body?["voices"] is not JsonArray voices) throw ElevenLabsErrors.Malformed(engine, "/v1/voices", "no `voices` list in the answer");
        return voices.OfType<JsonObject>()
            .Where(v => v["voice_id"]?.GetValue<string>() is { Length: > 0 })
            .Select(v => new VoiceInfo(v["voice_id"]!.GetValue<string>(), [], Text(v["labels"]?["gender"]), null,
                $"{Text(v["name"])} ({Text(v["category"]) ?? "voice"})"))
            .ToList();
    }

    /// <summary>POST /v1/text-to-speech/{voice_id}?output_format=… → the audio bytes in that format.</summary>
    /// <param name="speed">voice_settings.speed (the API accepts 0.7-1.2), or null for the voice's own.</param>
    public async Task<byte[]> TextToSpeechAsync(string voiceId, string text, double? speed, CancellationToken cancellationToken)
    {
        var json = new JsonObject { ["text"] = text, ["model_id"] = options.Model };
        if (speed is { } s) json["voice_settings"] = new JsonObject { ["speed"] = Math.Clamp(s, 0.7, 1.2) };
        using var content = new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json");
        var path = $"/v1/text-to-speech/{Uri.EscapeDataString(voiceId)}?output_format={Uri.EscapeDataString(options.OutputFormat)}";
        using var request = Request(HttpMethod.Post, path, content);
        using var response = await SendAsync(request, "speaking", cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>DELETE /v1/voices/{voice_id}.</summary>
    public async Task DeleteVoiceAsync(string voiceId, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Delete, $"/v1/voices/{Uri.EscapeDataString(voiceId)}", null);
        using var response = await SendAsync(request, "deleting the voice", cancellationToken).ConfigureAwait(false);
    }

    private HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, options.BaseUrl + path) { Content = content };
        request.Headers.Add("xi-api-key", options.ApiKey);
        return request;
    }

    private async Task<JsonNode?> SendForJsonAsync(HttpRequestMessage request, string doing, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(request, doing, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw ElevenLabsErrors.Malformed(engine, request.RequestUri!.AbsolutePath, "the answer is not JSON");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string doing, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw ElevenLabsErrors.Unreachable(engine, options.BaseUrl, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw ElevenLabsErrors.Unreachable(engine, options.BaseUrl, e);
        }
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw ElevenLabsErrors.From(engine, (int)response.StatusCode, body, doing, response.Headers.RetryAfter?.Delta);
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static string MediaType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".wav" => "audio/wav",
        ".mp3" => "audio/mpeg",
        ".flac" => "audio/flac",
        ".ogg" or ".opus" => "audio/ogg",
        ".m4a" => "audio/mp4",
        ".mp4" => "video/mp4",
        _ => "application/octet-stream",
    };
}
