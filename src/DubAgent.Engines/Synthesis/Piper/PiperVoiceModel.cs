using System.Text.Json;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// One Piper voice model: the .onnx file and its .onnx.json config (language.code, speaker_id_map for multi-speaker
/// models), as Piper's voice releases ship them.
/// </summary>
public sealed record PiperVoiceModel(string Name, string ModelPath, string ConfigPath, string? Language, IReadOnlyDictionary<string, int> Speakers)
{
    /// <summary>Reads a model's config; <paramref name="configPath"/> defaults to the model path + ".json".</summary>
    public static PiperVoiceModel Load(string modelPath, string? configPath = null)
    {
        configPath ??= modelPath + ".json";
        if (!File.Exists(modelPath))
            throw new InputException($"The Piper model '{modelPath}' does not exist.", "Set Piper:Model to a downloaded voice's .onnx file.");
        if (!File.Exists(configPath))
            throw new InputException($"The Piper model config '{configPath}' does not exist.",
                "Piper needs the .onnx.json that ships beside each voice's .onnx; download both, or set Piper:Config.");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(configPath));
            var root = document.RootElement;
            string? language = null;
            if (root.TryGetProperty("language", out var lang) && lang.TryGetProperty("code", out var code))
                language = code.GetString()?.Replace('_', '-');
            else if (root.TryGetProperty("espeak", out var espeak) && espeak.TryGetProperty("voice", out var voice))
                language = voice.GetString();
            var speakers = new Dictionary<string, int>(StringComparer.Ordinal);
            if (root.TryGetProperty("speaker_id_map", out var map) && map.ValueKind == JsonValueKind.Object)
                foreach (var entry in map.EnumerateObject())
                    if (entry.Value.TryGetInt32(out var id)) speakers[entry.Name] = id;
            var name = Path.GetFileName(modelPath);
            if (name.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase)) name = name[..^5];
            return new PiperVoiceModel(name, Path.GetFullPath(modelPath), Path.GetFullPath(configPath), language, speakers);
        }
        catch (JsonException e)
        {
            throw new InputException($"The Piper model config '{configPath}' is not valid JSON: {e.Message}", "Download the voice's .onnx.json again.");
        }
    }

    /// <summary>Voice names: the model's name, or "model:speaker" for each speaker of a multi-speaker model.</summary>
    public IEnumerable<(string Voice, int? SpeakerId)> Voices =>
        Speakers.Count <= 1
            ? [(Name, null)]
            : Speakers.OrderBy(s => s.Value).Select(s => ($"{Name}:{s.Key}", (int?)s.Value));
}
