using System.Text.Json;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// A Piper voice's .onnx.json as Piper writes it: audio.sample_rate, espeak.voice, language.code, inference
/// (noise_scale, length_scale, noise_w), phoneme_type, phoneme_id_map (phoneme → ids), num_speakers, speaker_id_map.
/// </summary>
public sealed record PiperVoiceConfig(
    int SampleRate,
    string? EspeakVoice,
    string? Language,
    IReadOnlyDictionary<string, long[]> PhonemeIds,
    IReadOnlyDictionary<string, int> Speakers,
    int NumSpeakers,
    float NoiseScale,
    float LengthScale,
    float NoiseW,
    string PhonemeType)
{
    public static PiperVoiceConfig Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var language = root.TryGetProperty("language", out var lang) && lang.TryGetProperty("code", out var code) ? code.GetString()?.Replace('_', '-') : null;
            var espeak = root.TryGetProperty("espeak", out var e) && e.TryGetProperty("voice", out var v) ? v.GetString() : null;
            var rate = root.TryGetProperty("audio", out var audio) && audio.TryGetProperty("sample_rate", out var sr) ? sr.GetInt32() : 22050;
            var inference = root.TryGetProperty("inference", out var i) ? i : default;
            var ids = new Dictionary<string, long[]>(StringComparer.Ordinal);
            if (root.TryGetProperty("phoneme_id_map", out var map) && map.ValueKind == JsonValueKind.Object)
                foreach (var entry in map.EnumerateObject())
                    ids[entry.Name] = entry.Value.EnumerateArray().Select(x => x.GetInt64()).ToArray();
            var speakers = new Dictionary<string, int>(StringComparer.Ordinal);
            if (root.TryGetProperty("speaker_id_map", out var smap) && smap.ValueKind == JsonValueKind.Object)
                foreach (var entry in smap.EnumerateObject())
                    if (entry.Value.TryGetInt32(out var id)) speakers[entry.Name] = id;
            return new PiperVoiceConfig(rate, espeak, language ?? espeak, ids, speakers,
                root.TryGetProperty("num_speakers", out var n) && n.TryGetInt32(out var count) ? count : Math.Max(1, speakers.Count),
                Scale(inference, "noise_scale", 0.667f), Scale(inference, "length_scale", 1f), Scale(inference, "noise_w", 0.8f),
                root.TryGetProperty("phoneme_type", out var type) ? type.GetString() ?? "espeak" : "espeak");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new InputException($"The Piper model config '{path}' is not a valid Piper .onnx.json: {ex.Message}", "Download the voice's .onnx.json again.");
        }
    }

    private static float Scale(JsonElement inference, string name, float fallback) =>
        inference.ValueKind == JsonValueKind.Object && inference.TryGetProperty(name, out var value) && value.TryGetSingle(out var f) ? f : fallback;
}
