using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DubAgent.Engines.Tests.Synthesis.Chatterbox;

/// <summary>
/// A local HTTP server that answers as the Chatterbox TTS API (travisvn/chatterbox-tts-api) documents and routes its
/// calls, for tests: GET /health (HealthResponse: status healthy / initializing / error, model_loaded, config
/// max_total_length); GET /v1/voices (`voices` with name, filename, file_hash, language, ...; `count`); POST /v1/voices
/// (multipart `voice_name`, `voice_file`, `language` → 201; 409 voice_exists_error, 400 for a format, size, language or
/// name it refuses, 422 for a missing field); GET /v1/voices/{name}/download; DELETE /v1/voices/{name} (404
/// voice_not_found_error); POST /v1/audio/speech (JSON `input` 1-3000 characters, `exaggeration` 0.25-2, `cfg_weight`
/// 0-1, `temperature` 0.05-5 → 422 outside; 400 over max_total_length; 500 model_error while the model is not loaded; a
/// 24 kHz mono 32-bit float WAV, as torchaudio writes it). As the real server does, an unknown `voice` is spoken in the default voice, in English.
/// </summary>
public sealed partial class ChatterboxContractServer : IDisposable
{
    public static readonly string[] MultilingualLanguages =
        ["ar", "da", "de", "el", "en", "es", "fi", "fr", "he", "hi", "it", "ja", "ko", "ms", "nl", "no", "pl", "pt", "ru", "sv", "sw", "tr"];

    private static readonly string[] Formats = [".mp3", ".wav", ".flac", ".m4a", ".ogg"];

    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, (string Language, string FileName, byte[] Data)> _voices = new(StringComparer.Ordinal);
    private (int Status, string Body, string? Call)? _failNext;

    public ChatterboxContractServer(bool multilingual = true)
    {
        Multilingual = multilingual;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _ = ServeAsync();
    }

    public string BaseUrl { get; }

    public bool Multilingual { get; }

    /// <summary>healthy, initializing or error (what /health says, and whether speech has a model).</summary>
    public string State { get; set; } = "healthy";

    public int MaxTotalLength { get; set; } = 3000;

    /// <summary>Each accepted upload: the name, language, the file's name and its bytes.</summary>
    public List<(string Name, string Language, string FileName, byte[] Data)> Uploaded { get; } = [];

    /// <summary>Each speech request: the voice library entry used (null for the default voice), its language, and the JSON body.</summary>
    public List<(string? Voice, string Language, JsonObject Body)> Spoken { get; } = [];

    public List<string> Deleted { get; } = [];

    public int Listed;

    public IReadOnlyCollection<string> VoiceNames { get { lock (_voices) return _voices.Keys.ToList(); } }

    /// <summary>Puts a voice in the library as if someone else had uploaded it.</summary>
    public void AddVoice(string name, string language, byte[] wav)
    {
        lock (_voices) _voices[name] = (language, name + ".wav", wav);
    }

    /// <summary>The next call (only to <paramref name="call"/>, "METHOD /path", when given) is answered with this status and JSON body instead.</summary>
    public void FailNext(int status, string body, string? call = null) => _failNext = (status, body, call);

    /// <summary>The next upload is stored, but its answer never arrives (the connection drops).</summary>
    public bool LoseNextUploadAnswer { get; set; }

    /// <summary>The next upload is stored, and answered only after this long (<see cref="UploadHeld"/> says when it is held).</summary>
    public TimeSpan? DelayNextUploadAnswer { get; set; }

    public TaskCompletionSource UploadHeld { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Each request is answered on its own, as the real server's event loop does: a held upload does not hold a delete.
    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            try { _ = RespondAsync(await _listener.GetContextAsync()); }
            catch (Exception) { return; }
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        try
        {
            var (status, type, body) = await AnswerAsync(context.Request);
            if (status == 201 && LoseNextUploadAnswer)
            {
                LoseNextUploadAnswer = false;
                context.Response.Abort();
                return;
            }
            if (status == 201 && DelayNextUploadAnswer is { } delay)
            {
                DelayNextUploadAnswer = null;
                UploadHeld.TrySetResult();
                await Task.Delay(delay);
            }
            context.Response.StatusCode = status;
            context.Response.ContentType = type;
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
        catch (Exception)
        {
            context.Response.Abort(); // the client left, or the answer failed: drop the connection
        }
    }

    private async Task<(int, string, byte[])> AnswerAsync(HttpListenerRequest request)
    {
        using var buffer = new MemoryStream();
        await request.InputStream.CopyToAsync(buffer);
        if (_failNext is { } fail && (fail.Call is null || fail.Call == $"{request.HttpMethod} {request.Url!.AbsolutePath}"))
        {
            _failNext = null;
            return Json(fail.Status, fail.Body);
        }
        var path = request.Url!.AbsolutePath;
        var voice = path.StartsWith("/v1/voices/", StringComparison.Ordinal) ? Uri.UnescapeDataString(path["/v1/voices/".Length..]) : null;
        return (request.HttpMethod, path) switch
        {
            ("GET", "/health" or "/v1/health") => Health(),
            ("GET", "/v1/voices" or "/voices") => List(),
            ("POST", "/v1/voices" or "/voices") => Upload(request.ContentType ?? "", buffer.ToArray()),
            ("POST", "/v1/audio/speech" or "/audio/speech") => Speak(buffer.ToArray()),
            ("GET", _) when voice is not null && voice.EndsWith("/download", StringComparison.Ordinal) => Download(voice[..^"/download".Length]),
            ("DELETE", _) when voice is not null => Delete(voice),
            _ => Json(404, """{"detail":"Not Found"}"""),
        };
    }

    private (int, string, byte[]) Health() => Json(200, new JsonObject
    {
        ["status"] = State, ["model_loaded"] = State == "healthy", ["device"] = "cpu",
        ["config"] = new JsonObject { ["max_chunk_length"] = 280, ["max_total_length"] = MaxTotalLength, ["default_exaggeration"] = 0.5 },
        ["initialization_state"] = State == "healthy" ? "ready" : State,
        ["initialization_progress"] = State == "initializing" ? "Loading model weights..." : null,
        ["initialization_error"] = State == "error" ? "CUDA out of memory" : null,
    }.ToJsonString());

    private (int, string, byte[]) List()
    {
        Interlocked.Increment(ref Listed);
        lock (_voices)
            return Json(200, new JsonObject
            {
                ["voices"] = new JsonArray(_voices.Select(v => (JsonNode)new JsonObject
                {
                    ["name"] = v.Key, ["filename"] = v.Key + Path.GetExtension(v.Value.FileName), ["original_filename"] = v.Value.FileName,
                    ["file_extension"] = Path.GetExtension(v.Value.FileName), ["file_size"] = v.Value.Data.Length,
                    ["file_hash"] = Convert.ToHexStringLower(MD5.HashData(v.Value.Data)), ["upload_date"] = "2026-12-01T02:00:00",
                    ["path"] = "/voices/" + v.Key + Path.GetExtension(v.Value.FileName), ["language"] = v.Value.Language,
                    ["aliases"] = new JsonArray(), ["exists"] = true,
                }).ToArray()),
                ["count"] = _voices.Count,
            }.ToJsonString());
    }

    private (int, string, byte[]) Upload(string contentType, byte[] body)
    {
        var fields = FormParts.Parse(contentType, body);
        var name = fields.FirstOrDefault(f => f.Name == "voice_name" && f.FileName is null)?.Text;
        var file = fields.FirstOrDefault(f => f.Name == "voice_file" && f.FileName is not null);
        var language = fields.FirstOrDefault(f => f.Name == "language")?.Text ?? "en";
        var missing = new[] { ("voice_name", name is { Length: > 0 }), ("voice_file", file is not null) }.Where(m => !m.Item2).Select(m => m.Item1).ToList();
        if (missing.Count > 0)
            return Json(422, new JsonObject
            {
                ["detail"] = new JsonArray(missing.Select(m => (JsonNode)new JsonObject { ["type"] = "missing", ["loc"] = new JsonArray("body", m), ["msg"] = "Field required" }).ToArray()),
            }.ToJsonString());
        var extension = Path.GetExtension(file!.FileName!).ToLowerInvariant();
        if (!Formats.Contains(extension)) return Error(400, $"Unsupported audio format: {extension}. Supported formats: {string.Join(", ", Formats)}", "invalid_request_error");
        if (file.Data.Length > 10 * 1024 * 1024) return Error(400, "File too large. Maximum size: 10MB", "invalid_request_error");
        if (Multilingual && !MultilingualLanguages.Contains(language))
            return Error(400, $"Unsupported language: {language}. Supported languages: {string.Join(", ", MultilingualLanguages)}", "invalid_request_error");
        if (!Multilingual && language != "en") return Error(400, "Only English (en) is supported when not using multilingual model", "invalid_request_error");
        if (name!.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|']) >= 0)
            return Error(400, "Voice name contains invalid characters", "validation_error");
        lock (_voices)
        {
            if (_voices.ContainsKey(name.Trim())) return Error(409, $"Voice '{name.Trim()}' already exists", "voice_exists_error");
            _voices[name.Trim()] = (language, file.FileName!, file.Data);
        }
        lock (Uploaded) Uploaded.Add((name.Trim(), language, file.FileName!, file.Data));
        return Json(201, new JsonObject
        {
            ["message"] = "Voice uploaded successfully",
            ["voice"] = new JsonObject { ["name"] = name.Trim(), ["filename"] = name.Trim() + extension, ["file_size"] = file.Data.Length, ["language"] = language },
        }.ToJsonString());
    }

    private (int, string, byte[]) Download(string name)
    {
        lock (_voices)
            return _voices.TryGetValue(name, out var v) ? (200, "audio/wav", v.Data) : Error(404, $"Voice '{name}' not found", "voice_not_found_error");
    }

    private (int, string, byte[]) Delete(string name)
    {
        lock (_voices)
            if (!_voices.Remove(name)) return Error(404, $"Voice '{name}' not found", "voice_not_found_error");
        lock (Deleted) Deleted.Add(name);
        return Json(200, new JsonObject { ["message"] = "Voice deleted successfully", ["voice_name"] = name }.ToJsonString());
    }

    private (int, string, byte[]) Speak(byte[] body)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        var input = json["input"]?.GetValue<string>()?.Trim();
        var invalid = new List<(string Field, string Message)>();
        if (input is not { Length: > 0 }) invalid.Add(("input", "Input text cannot be empty"));
        else if (input.Length > 3000) invalid.Add(("input", "String should have at most 3000 characters"));
        foreach (var (field, low, high) in new[] { ("exaggeration", 0.25, 2.0), ("cfg_weight", 0.0, 1.0), ("temperature", 0.05, 5.0) })
            if (json[field]?.GetValue<double>() is { } value && (value < low || value > high))
                invalid.Add((field, $"Input should be between {low} and {high}"));
        if (invalid.Count > 0)
            return Json(422, new JsonObject
            {
                ["detail"] = new JsonArray(invalid.Select(i => (JsonNode)new JsonObject { ["type"] = "value_error", ["loc"] = new JsonArray("body", i.Field), ["msg"] = i.Message }).ToArray()),
            }.ToJsonString());
        if (State != "healthy") return Error(500, "Model not loaded", "model_error");
        if (input!.Length > MaxTotalLength) return Error(400, $"Input text too long. Maximum {MaxTotalLength} characters allowed.", "invalid_request_error");
        var name = json["voice"]?.GetValue<string>();
        string? used = null;
        var language = "en";
        lock (_voices)
            if (name is not null && _voices.TryGetValue(name, out var v)) (used, language) = (name, v.Language);
        lock (Spoken) Spoken.Add((used, language, json));
        return (200, "audio/wav", Wav(input.Length));
    }

    /// <summary>
    /// A 24 kHz mono WAV of a tone, 60 ms a character (speech-like length), at most 8 s, in 32-bit float: the server
    /// writes the model's float tensor with torchaudio.save, whose WAV default for float32 is IEEE float.
    /// </summary>
    public static byte[] Wav(int characters)
    {
        const int rate = 24000;
        var frames = (int)(rate * Math.Min(8.0, 0.06 * characters));
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: true))
        {
            writer.Write("RIFF"u8); writer.Write(36 + frames * 4); writer.Write("WAVE"u8);
            writer.Write("fmt "u8); writer.Write(16); writer.Write((short)3); writer.Write((short)1); writer.Write(rate); writer.Write(rate * 4);
            writer.Write((short)4); writer.Write((short)32); writer.Write("data"u8); writer.Write(frames * 4);
            for (var i = 0; i < frames; i++) writer.Write((float)(0.4 * Math.Sin(2 * Math.PI * 180 * i / rate)));
        }
        return stream.ToArray();
    }

    private static (int, string, byte[]) Error(int status, string message, string type) =>
        Json(status, new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = type } }.ToJsonString());

    private static (int, string, byte[]) Json(int status, string body) => (status, "application/json", Encoding.UTF8.GetBytes(body));

    // Close alone: after Stop, Close binds the prefix again and fails when another test process took the port.
    public void Dispose() => _listener.Close();

    /// <summary>The fields of a multipart/form-data body, read the way a form parser does: split at the boundary, headers then bytes.</summary>
    private static partial class FormParts
    {
        public sealed record Field(string Name, string? FileName, byte[] Data)
        {
            public string Text => Encoding.UTF8.GetString(Data).Trim();
        }

        public static IReadOnlyList<Field> Parse(string contentType, byte[] body)
        {
            var boundary = BoundaryPattern().Match(contentType) is { Success: true } m ? m.Groups[1].Value.Trim('"') : throw new InvalidDataException("no boundary");
            var delimiter = Encoding.ASCII.GetBytes("\r\n--" + boundary);
            var fields = new List<Field>();
            // The first delimiter has no CRLF before it: start as if there were one.
            byte[] bytes = [(byte)'\r', (byte)'\n', .. body];
            var data = bytes.AsSpan();
            var at = data.IndexOf(delimiter);
            while (at >= 0)
            {
                var start = at + delimiter.Length;
                if (data[start..].StartsWith("--"u8)) break;
                start += 2;
                var length = data[start..].IndexOf(delimiter);
                if (length < 0) break;
                var part = data.Slice(start, length);
                var split = part.IndexOf("\r\n\r\n"u8);
                var headers = Encoding.UTF8.GetString(part[..split]);
                var name = NamePattern().Match(headers).Groups[2].Value;
                var file = FileNamePattern().Match(headers) is { Success: true } f ? f.Groups[2].Value : null;
                fields.Add(new Field(name, file, part[(split + 4)..].ToArray()));
                at = start + length;
            }
            return fields;
        }

        [GeneratedRegex("boundary=([^;]+)")]
        private static partial Regex BoundaryPattern();

        [GeneratedRegex("(?<![a-z])name=(\"?)([^\";\r\n]*)\\1")]
        private static partial Regex NamePattern();

        [GeneratedRegex("filename=(\"?)([^\";\r\n]*)\\1")]
        private static partial Regex FileNamePattern();
    }
}
