using DubAgent.Abstractions.Models;
using DubAgent.Engines.Languages;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// The Piper voices the model store can download for the `piper` engine, one single-speaker voice per language: each
/// is two entries, its .onnx (id `piper-VOICE`) and its .onnx.json (id `piper-VOICE-config`), from rhasspy/piper-voices.
/// en_US-lessac-medium is pinned by SHA-256 at the v1.0.0 ref. The others are pinned by the size and MD5 of rhasspy's
/// own voices.json (the catalog its downloaders use with the files on piper-voices' main branch; the same digests in
/// every copy of it from 2023-10 to 2026-07, paola's since 2025-05), their URLs by commit <see cref="Revision"/> of that branch, so the file
/// cannot change under the digest; the store records each file's SHA-256 when the download matched.
/// </summary>
public sealed class PiperVoiceCatalog : IModelCatalogSource
{
    public const string Prefix = "piper-";
    public const string ConfigSuffix = "-config";

    /// <summary>The rhasspy/piper-voices commit the MD5-pinned voices are downloaded from.</summary>
    public const string Revision = "c10ece1aade47bb51c153c893d14e5bf8e5b7117";

    private const string Hub = "https://huggingface.co/rhasspy/piper-voices/";
    private const string LessacBase = Hub + "resolve/v1.0.0/";

    // The lessac dataset (Blizzard 2013) allows research use only; its model card says so, and so does `dubagent models list`.
    private const string LessacLicence = "LicenseRef-Blizzard2013-Lessac (research, non-commercial)";

    /// <summary>The catalog's voice for each language (ISO 639-1): the one a step in that language uses first.</summary>
    public static IReadOnlyList<PiperCatalogVoice> Voices { get; } =
    [
        new("en", "en_US-lessac-medium", "en/en_US/lessac/medium", 63_201_294, null, 4_885, null),
        new("es", "es_ES-davefx-medium", "es/es_ES/davefx/medium", 63_201_294, "dc515cd4ecc5f6f72fe14a941188fc9c", 4_817, "dd157b5eaf6930bf949cf416d9a9307a"),
        new("fr", "fr_FR-siwis-medium", "fr/fr_FR/siwis/medium", 63_201_294, "20e876e8c839e9b11a26085858f2300c", 4_875, "a407e7e6901feb79c2ea2a5466076cce"),
        new("de", "de_DE-thorsten-medium", "de/de_DE/thorsten/medium", 63_201_294, "a129b00fb3078df43c96bab6c94535c0", 4_819, "843a7bd7272724f750534dd5a26d1aad"),
        new("pt", "pt_BR-faber-medium", "pt/pt_BR/faber/medium", 63_201_294, "e0724a2f07965f6523d2a1e96b488a4c", 4_855, "a1258e1e113c47d9a1486a9bef1daab4"),
        new("it", "it_IT-paola-medium", "it/it_IT/paola/medium", 63_511_038, "3a44e73b12ca5d0c21a72e388b5847c8", 7_099, "cd471a3757c88a7a4baee6207248b5d5"),
    ];

    public IEnumerable<ModelEntry> Entries { get; } =
    [
        new(Prefix + "en_US-lessac-medium", "piper", "en_US-lessac-medium.onnx", LessacBase + "en/en_US/lessac/medium/en_US-lessac-medium.onnx",
            "5efe09e69902187827af646e1a6e9d269dee769f9877d17b16b1b46eeaaf019f", 63_201_294, LessacLicence,
            "Piper voice, US English (lessac, medium, 22.05 kHz) for the synthesize engine `piper`"),
        new(Prefix + "en_US-lessac-medium" + ConfigSuffix, "piper", "en_US-lessac-medium.onnx.json",
            LessacBase + "en/en_US/lessac/medium/en_US-lessac-medium.onnx.json",
            "efe19c417bed055f2d69908248c6ba650fa135bc868b0e6abb3da181dab690a0", 4_885, LessacLicence,
            "the en_US-lessac-medium voice's config (phoneme map, sample rate, espeak voice)"),
        .. Voices.Where(v => v.OnnxMd5 is not null).SelectMany(Md5Pinned),
    ];

    /// <summary>The catalog's voice for a language (es, pt-BR, en_US: the primary language counts), or null.</summary>
    public static PiperCatalogVoice? For(string language) =>
        Voices.FirstOrDefault(v => v.Language == LanguageSet.Primary(language));

    /// <summary>The command that fetches a voice (both files).</summary>
    public static string PullHint(string voice) => $"dubagent models pull {Prefix}{voice} && dubagent models pull {Prefix}{voice}{ConfigSuffix}";

    /// <summary>Where a voice's model card (its dataset and licence) is.</summary>
    public static string ModelCard(PiperCatalogVoice voice) => $"{Hub}blob/{Revision}/{voice.Folder}/MODEL_CARD";

    private static IEnumerable<ModelEntry> Md5Pinned(PiperCatalogVoice voice)
    {
        var files = $"{Hub}resolve/{Revision}/{voice.Folder}/{voice.Name}";
        // No licence is written here that the model card was not read for: the card names the dataset and its terms.
        var licence = $"see the voice's MODEL_CARD: {ModelCard(voice)}";
        yield return new ModelEntry(Prefix + voice.Name, "piper", voice.Name + ".onnx", files + ".onnx", null, voice.OnnxSize, licence,
            $"Piper voice ({voice.Language}: {voice.Name}) for the synthesize engine `piper`", voice.OnnxMd5);
        yield return new ModelEntry(Prefix + voice.Name + ConfigSuffix, "piper", voice.Name + ".onnx.json", files + ".onnx.json", null, voice.ConfigSize,
            licence, $"the {voice.Name} voice's config (phoneme map, sample rate, espeak voice)", voice.ConfigMd5);
    }
}

/// <summary>One voice of the catalog: its language, name, folder in rhasspy/piper-voices, and its two files' sizes and publisher MD5s (null when pinned by SHA-256).</summary>
public sealed record PiperCatalogVoice(string Language, string Name, string Folder, long OnnxSize, string? OnnxMd5, long ConfigSize, string? ConfigMd5);
