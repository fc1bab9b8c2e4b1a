using System.Text.Json;

namespace DubAgent.Server.Live.Protocol;

/// <summary>
/// A JSON text message from the client: `start_dubbing`, `audio_chunk`, `stop_dubbing` or `create_voice_clone`, with
/// the protocol's field names. Parsing never throws: a message that is not one of these is a <see cref="ProtocolError"/>.
/// </summary>
public sealed record ClientMessage(
    string Type,
    string? SourceLanguage = null,
    string? TargetLanguage = null,
    bool PreserveVoice = false,
    string? AudioData = null,
    string? SpeakerId = null,
    IReadOnlyList<string>? AudioSamples = null,
    string? Consent = null)
{
    public const string StartDubbing = "start_dubbing";
    public const string AudioChunk = "audio_chunk";
    public const string StopDubbing = "stop_dubbing";
    public const string CreateVoiceClone = "create_voice_clone";

    private static readonly string[] Known = [StartDubbing, AudioChunk, StopDubbing, CreateVoiceClone];

    /// <returns>The message, or null with the error to send back.</returns>
    public static (ClientMessage? Message, ProtocolError? Error) Parse(ReadOnlySpan<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException e)
        {
            return (null, new ProtocolError($"The message is not JSON ({e.Message.Split('.')[0]}).",
                "Send JSON text messages such as {\"type\":\"start_dubbing\",\"source_language\":\"en\",\"target_language\":\"es\"}."));
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
                return (null, new ProtocolError("The message has no \"type\".", $"Give \"type\" one of: {string.Join(", ", Known)}."));
            var type = typeElement.GetString()!;
            if (!Known.Contains(type, StringComparer.Ordinal))
                return (null, new ProtocolError($"Unknown message type '{type}'.", $"Use one of: {string.Join(", ", Known)}."));
            try
            {
                return (new ClientMessage(
                    type,
                    Text(root, "source_language"),
                    Text(root, "target_language"),
                    root.TryGetProperty("preserve_voice", out var preserve) && preserve.ValueKind == JsonValueKind.True,
                    Text(root, "audio_data"),
                    Text(root, "speaker_id"),
                    root.TryGetProperty("audio_samples", out var samples) && samples.ValueKind == JsonValueKind.Array
                        ? samples.EnumerateArray().Select(s => s.GetString() ?? "").ToList()
                        : null,
                    Text(root, "consent")), null);
            }
            catch (InvalidOperationException)
            {
                return (null, new ProtocolError($"A field of the '{type}' message has the wrong kind of value.",
                    "Languages, audio_data, speaker_id and consent are strings; audio_samples is an array of strings; preserve_voice is true or false."));
            }
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;
}

/// <summary>What was wrong with a client message and how to fix it (sent as an `error` message).</summary>
public sealed record ProtocolError(string Message, string Hint);
