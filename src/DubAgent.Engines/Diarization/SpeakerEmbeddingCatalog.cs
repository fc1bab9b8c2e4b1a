using DubAgent.Abstractions.Models;

namespace DubAgent.Engines.Diarization;

/// <summary>The speaker-embedding models the `embeddings` engine can use, for the model store's catalog.</summary>
public sealed class SpeakerEmbeddingCatalog : IModelCatalogSource
{
    /// <summary>The default model of the `embeddings` engine.</summary>
    public const string DefaultModelId = "wespeaker-resnet34";

    public IEnumerable<ModelEntry> Entries { get; } =
    [
        // WeSpeaker ResNet34-LM trained on VoxCeleb2 (the embedding model of pyannote/speaker-diarization-3.1), ONNX export
        // by the WeSpeaker authors; pinned to the commit that uploaded it. Licence: VoxCeleb's, as WeSpeaker's model card says.
        new(DefaultModelId, "embeddings", "wespeaker-voxceleb-resnet34-LM.onnx",
            "https://huggingface.co/Wespeaker/wespeaker-voxceleb-resnet34-LM/resolve/f0c48c298fd835726c27956a5d617bad7115627e/voxceleb_resnet34_LM.onnx",
            "7bb2f06e9df17cdf1ef14ee8a15ab08ed28e8d0ef5054ee135741560df2ec068", 26_530_309, "CC-BY-4.0",
            "speaker embeddings for the diarize engine `embeddings` (WeSpeaker ResNet34-LM, VoxCeleb, 256 dimensions)"),
    ];
}
