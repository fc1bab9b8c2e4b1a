using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DubAgent.Engines.Tests.Synthesis.ElevenLabs;

/// <summary>
/// A local HTTP server that answers as ElevenLabs' API reference documents its voice and speech calls, for tests:
/// `xi-api-key` checked on every call (401 invalid_api_key), POST /v1/voices/add (multipart `name` + one or more
/// `files` → `{"voice_id", "requires_verification"}`, 422 with a validation `detail` list when a field is missing),
/// GET /v1/voices, POST /v1/text-to-speech/{voice_id}?output_format=pcm_RATE (JSON `text`, `model_id`, optional
/// `voice_settings.speed` → raw 16-bit mono PCM; 400 voice_not_found for an unknown voice) and DELETE /v1/voices/{id}.
/// </summary>
public sealed class ElevenLabsContractServer : IDisposable
{
    public const string PremadeVoice = "21m00Tcm4TlvDq8ikWAM";

    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, (string Name, string Category)> _voices = new() { [PremadeVoice] = ("Rachel", "premade") };
    private (int Status, string Body)? _failNext;
    private int _cloned;

    public ElevenLabsContractServer(string apiKey)
    {
        ApiKey = apiKey;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _ = ServeAsync();
    }

    public string ApiKey { get; }

    public string BaseUrl { get; }

    /// <summary>Each voice add: its name, description and the uploaded files' names and sizes.</summary>
    public List<(string Name, string Description, List<(string FileName, int Bytes)> Files)> Added { get; } = [];

    /// <summary>Each speech request: the voice id, the output format and the JSON body.</summary>
    public List<(string VoiceId, string OutputFormat, JsonObject Body)> Spoken { get; } = [];

    public List<string> Deleted { get; } = [];

    /// <summary>How many times the voice list was asked for (GET /v1/voices).</summary>
    public int Listed => _listed;

    private int _listed;

    public IReadOnlyCollection<string> VoiceIds { get { lock (_voices) return _voices.Keys.ToList(); } }

    /// <summary>The next call is answered with this status and JSON body instead.</summary>
    public void FailNext(int status, string body) => _failNext = (status, body);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            try
            {
                var (status, type, body) = await AnswerAsync(context.Request);
                context.Response.StatusCode = status;
                context.Response.ContentType = type;
                await context.Response.OutputStream.WriteAsync(body);
            }
            catch (Exception e)
            {
                context.Response.StatusCode = 500;
                await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(e.Message));
            }
            context.Response.Close();
        }
    }

    private async Task<(int, string, byte[])> AnswerAsync(HttpListenerRequest request)
    {
        using var buffer = new MemoryStream();
        await request.InputStream.CopyToAsync(buffer);
        var body = buffer.ToArray();
        if (request.Headers["xi-api-key"] != ApiKey)
            return Json(401, """{"detail":{"status":"invalid_api_key","message":"Invalid API key"}}""");
        if (_failNext is { } fail)
        {
            _failNext = null;
            return Json(fail.Status, fail.Body);
        }
        var path = request.Url!.AbsolutePath;
        return (request.HttpMethod, path) switch
        {
            ("POST", "/v1/voices/add") => AddVoice(request.ContentType ?? "", body),
            ("GET", "/v1/voices") => ListVoices(Interlocked.Increment(ref _listed)),
            ("POST", _) when path.StartsWith("/v1/text-to-speech/", StringComparison.Ordinal) =>
                Speak(Uri.UnescapeDataString(path["/v1/text-to-speech/".Length..]), request.QueryString["output_format"] ?? "mp3_44100_128", body),
            ("DELETE", _) when path.StartsWith("/v1/voices/", StringComparison.Ordinal) => Delete(Uri.UnescapeDataString(path["/v1/voices/".Length..])),
            _ => Json(404, """{"detail":"Not Found"}"""),
        };
    }

    private (int, string, byte[]) AddVoice(string contentType, byte[] body)
    {
        var parts = Multipart.Parse(contentType, body);
        var name = parts.FirstOrDefault(p => p.Name == "name" && p.FileName is null)?.Text;
        var files = parts.Where(p => p.Name == "files" && p.FileName is not null).ToList();
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(name)) missing.Add("name");
        if (files.Count == 0) missing.Add("files");
        if (missing.Count > 0)
            return Json(422, new JsonObject
            {
                ["detail"] = new JsonArray(missing.Select(m => (JsonNode)new JsonObject
                {
                    ["loc"] = new JsonArray("body", m), ["msg"] = "Field required", ["type"] = "missing",
                }).ToArray()),
            }.ToJsonString());
        var id = $"clone{Interlocked.Increment(ref _cloned):D4}abcdefghijklmn";
        lock (_voices) _voices[id] = (name!, "cloned");
        Added.Add((name!, parts.FirstOrDefault(p => p.Name == "description")?.Text ?? "", files.Select(f => (f.FileName!, f.Data.Length)).ToList()));
        return Json(200, $$"""{"voice_id":"{{id}}","requires_verification":false}""");
    }

    private (int, string, byte[]) ListVoices(int _)
    {
        lock (_voices)
            return Json(200, new JsonObject
            {
                ["voices"] = new JsonArray(_voices.Select(v => (JsonNode)new JsonObject
                {
                    ["voice_id"] = v.Key, ["name"] = v.Value.Name, ["category"] = v.Value.Category, ["labels"] = new JsonObject(),
                }).ToArray()),
            }.ToJsonString());
    }

    private (int, string, byte[]) Speak(string voiceId, string format, byte[] body)
    {
        bool known;
        lock (_voices) known = _voices.ContainsKey(voiceId);
        if (!known) return Json(400, new JsonObject
        {
            ["detail"] = new JsonObject { ["status"] = "voice_not_found", ["message"] = $"A voice with the voice_id {voiceId} was not found." },
        }.ToJsonString());
        var json = JsonNode.Parse(body)!.AsObject();
        if (json["text"]?.GetValue<string>() is not { Length: > 0 } text)
            return Json(422, """{"detail":[{"loc":["body","text"],"msg":"Field required","type":"missing"}]}""");
        if (!format.StartsWith("pcm_", StringComparison.Ordinal) || !int.TryParse(format[4..], out var rate))
            return Json(422, """{"detail":[{"loc":["query","output_format"],"msg":"this server answers pcm formats only","type":"enum"}]}""");
        lock (Spoken) Spoken.Add((voiceId, format, json));
        // Speech-like length: 60 ms a character, slower or faster with voice_settings.speed.
        var speed = json["voice_settings"]?["speed"]?.GetValue<double>() ?? 1.0;
        var frames = (int)(rate * Math.Min(8.0, 0.06 * text.Length) / speed);
        var pcm = new byte[frames * 2];
        for (var i = 0; i < frames; i++)
            BitConverter.TryWriteBytes(pcm.AsSpan(2 * i), (short)(12000 * Math.Sin(2 * Math.PI * 180 * i / rate)));
        return (200, "application/octet-stream", pcm);
    }

    private (int, string, byte[]) Delete(string voiceId)
    {
        lock (_voices)
            if (!_voices.Remove(voiceId))
                return Json(400, """{"detail":{"status":"voice_not_found","message":"voice not found"}}""");
        Deleted.Add(voiceId);
        return Json(200, """{"status":"ok"}""");
    }

    private static (int, string, byte[]) Json(int status, string body) => (status, "application/json", Encoding.UTF8.GetBytes(body));

    // Close alone: after Stop, Close binds the prefix again and fails when another test process took the port.
    public void Dispose() => _listener.Close();

    /// <summary>A minimal multipart/form-data reader: the parts' names, file names and bytes.</summary>
    private static class Multipart
    {
        public sealed record Part(string Name, string? FileName, byte[] Data)
        {
            public string Text => Encoding.UTF8.GetString(Data);
        }

        public static List<Part> Parse(string contentType, byte[] body)
        {
            var boundary = contentType.Split(';').Select(s => s.Trim()).FirstOrDefault(s => s.StartsWith("boundary=", StringComparison.Ordinal))?["boundary=".Length..].Trim('"')
                ?? throw new InvalidOperationException("no multipart boundary");
            var marker = Encoding.ASCII.GetBytes("--" + boundary);
            var parts = new List<Part>();
            var positions = new List<int>();
            for (var i = body.AsSpan().IndexOf(marker); i >= 0;)
            {
                positions.Add(i);
                var next = body.AsSpan(i + marker.Length).IndexOf(marker);
                i = next < 0 ? -1 : i + marker.Length + next;
            }
            for (var k = 0; k + 1 < positions.Count; k++)
            {
                var start = positions[k] + marker.Length + 2; // CRLF after the boundary
                var end = positions[k + 1] - 2;               // CRLF before the next one
                var split = body.AsSpan(start, end - start).IndexOf("\r\n\r\n"u8);
                var headers = Encoding.UTF8.GetString(body, start, split);
                var disposition = headers.Split("\r\n").First(h => h.StartsWith("Content-Disposition", StringComparison.OrdinalIgnoreCase));
                parts.Add(new Part(Field(disposition, "name")!, Field(disposition, "filename"), body[(start + split + 4)..end]));
            }
            return parts;
        }

        private static string? Field(string header, string key) =>
            header.Split(';').Select(s => s.Trim()).FirstOrDefault(s => s.StartsWith(key + "=", StringComparison.Ordinal))?[(key.Length + 1)..].Trim('"');
    }
}
