using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Engines.Languages;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// One Piper voice model: the .onnx file and its .onnx.json config (language.code, espeak.voice, speaker_id_map for
/// multi-speaker models), as Piper's voice releases ship them.
/// </summary>
public sealed record PiperVoiceModel(string Name, string ModelPath, string ConfigPath, string? Language, IReadOnlyDictionary<string, int> Speakers,
    string? EspeakVoice = null)
{
    /// <summary>
    /// Whether the voice speaks the language (es, pt-BR: the primary language counts) by its config's language code or
    /// espeak voice; a voice whose config names neither is taken to speak any.
    /// </summary>
    public bool Speaks(string language)
    {
        if (Language is null && EspeakVoice is null) return true;
        var primary = LanguageSet.Primary(language);
        return (Language is { } code && LanguageSet.Primary(code) == primary) || (EspeakVoice is { } espeak && LanguageSet.Primary(espeak) == primary);
    }

    /// <summary>Reads a model's config; <paramref name="configPath"/> defaults to the model path + ".json".</summary>
    public static PiperVoiceModel Load(string modelPath, string? configPath = null)
    {
        configPath ??= modelPath + ".json";
        if (!File.Exists(modelPath))
            throw new InputException($"The Piper model '{modelPath}' does not exist.", "Set Piper:Model to a downloaded voice's .onnx file.");
        if (!File.Exists(configPath))
            throw new InputException($"The Piper model config '{configPath}' does not exist.",
                "Piper needs the .onnx.json that ships beside each voice's .onnx; download both, or set Piper:Config.");
        var config = PiperVoiceConfig.Read(configPath);
        var name = Path.GetFileName(modelPath);
        if (name.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase)) name = name[..^5];
        return new PiperVoiceModel(name, Path.GetFullPath(modelPath), Path.GetFullPath(configPath), config.Language, config.Speakers, config.EspeakVoice);
    }

    /// <summary>The voices Piper:Model (one .onnx) and Piper:ModelDirectory (every .onnx with its .json) name.</summary>
    public static IReadOnlyList<PiperVoiceModel> Configured(PiperOptions settings)
    {
        var models = new List<PiperVoiceModel>();
        if (settings.Model is { Length: > 0 } model) models.Add(Load(model, settings.Config is { Length: > 0 } c ? c : null));
        if (settings.ModelDirectory is { Length: > 0 } directory)
        {
            if (!Directory.Exists(directory))
                throw new InputException($"The Piper model folder '{directory}' does not exist.", "Set Piper:ModelDirectory to a folder of .onnx voices.");
            foreach (var onnx in Directory.EnumerateFiles(directory, "*.onnx").Order(StringComparer.Ordinal))
                if (File.Exists(onnx + ".json") && models.All(m => m.ModelPath != Path.GetFullPath(onnx)))
                    models.Add(Load(onnx));
        }
        return models;
    }

    /// <summary>The voices of these models as a synthesizer lists them.</summary>
    public static IReadOnlyList<VoiceInfo> Infos(IEnumerable<PiperVoiceModel> models) =>
        models.SelectMany(m => m.Voices.Select(v => new VoiceInfo(v.Voice, m.Language is null ? [] : [m.Language], null, null,
            v.SpeakerId is { } id ? $"{m.Name}, speaker {id}" : m.Name))).ToList();

    /// <summary>The model and speaker of a voice name; an input error listing the voices (or <paramref name="noneHint"/>) when unknown.</summary>
    public static (PiperVoiceModel Model, int? Speaker) Find(IReadOnlyList<PiperVoiceModel> models, string voice, string engine, string? noneHint = null)
    {
        foreach (var model in models)
            foreach (var (name, speaker) in model.Voices)
                if (string.Equals(name, voice, StringComparison.OrdinalIgnoreCase)) return (model, speaker);
        throw new InputException($"Unknown {engine} voice '{voice}'.",
            models.Count == 0 && noneHint is not null ? noneHint : $"Use one of: {string.Join(", ", models.SelectMany(m => m.Voices.Select(v => v.Voice)))}.");
    }

    /// <summary>Voice names: the model's name, or "model:speaker" for each speaker of a multi-speaker model.</summary>
    public IEnumerable<(string Voice, int? SpeakerId)> Voices =>
        Speakers.Count <= 1
            ? [(Name, null)]
            : Speakers.OrderBy(s => s.Value).Select(s => ($"{Name}:{s.Key}", (int?)s.Value));
}
