using DubAgent.Abstractions.Models;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// The Piper voices the model store can download for the `piper` engine: each voice is two entries, its .onnx (id
/// `piper-VOICE`) and its .onnx.json (id `piper-VOICE-config`), pinned to the v1.0.0 tag of rhasspy/piper-voices.
/// Only voices whose SHA-256 is published are listed; others are added with `Models:Catalog` or Piper:ModelDirectory.
/// </summary>
public sealed class PiperVoiceCatalog : IModelCatalogSource
{
    public const string Prefix = "piper-";
    public const string ConfigSuffix = "-config";
    private const string Base = "https://huggingface.co/rhasspy/piper-voices/resolve/v1.0.0/";

    // The lessac dataset (Blizzard 2013) allows research use only; its model card says so, and so does `dubagent models list`.
    private const string LessacLicence = "LicenseRef-Blizzard2013-Lessac (research, non-commercial)";

    public IEnumerable<ModelEntry> Entries { get; } =
    [
        new(Prefix + "en_US-lessac-medium", "piper", "en_US-lessac-medium.onnx", Base + "en/en_US/lessac/medium/en_US-lessac-medium.onnx",
            "5efe09e69902187827af646e1a6e9d269dee769f9877d17b16b1b46eeaaf019f", 63_201_294, LessacLicence,
            "Piper voice, US English (lessac, medium, 22.05 kHz) for the synthesize engine `piper`"),
        new(Prefix + "en_US-lessac-medium" + ConfigSuffix, "piper", "en_US-lessac-medium.onnx.json",
            Base + "en/en_US/lessac/medium/en_US-lessac-medium.onnx.json",
            "efe19c417bed055f2d69908248c6ba650fa135bc868b0e6abb3da181dab690a0", 4_885, LessacLicence,
            "the en_US-lessac-medium voice's config (phoneme map, sample rate, espeak voice)"),
    ];

    /// <summary>The command that fetches a voice (both files).</summary>
    public static string PullHint(string voice) => $"dubagent models pull {Prefix}{voice} && dubagent models pull {Prefix}{voice}{ConfigSuffix}";
}
