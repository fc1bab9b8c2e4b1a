using DubAgent.Abstractions.Models;

namespace DubAgent.Engines.Diarization;

/// <summary>The speaker-embedding models the `embeddings` engine can use, for the model store's catalog.</summary>
public sealed class SpeakerEmbeddingCatalog : IModelCatalogSource
{
    /// <summary>The default model of the `embeddings` engine.</summary>
    public const string DefaultModelId = "wespeaker-resnet34";

    /// <summary>3D-Speaker CAM++ (Chinese and English), chosen with Embeddings:ModelId.</summary>
    public const string CamPlusPlusId = "3dspeaker-campplus-zh-en";

    public IEnumerable<ModelEntry> Entries { get; } =
    [
        // WeSpeaker ResNet34-LM trained on VoxCeleb2 (the embedding model of pyannote/speaker-diarization-3.1), ONNX export
        // by the WeSpeaker authors; pinned to the commit that uploaded it. Licence: VoxCeleb's, as WeSpeaker's model card says.
        new(DefaultModelId, "embeddings", "wespeaker-voxceleb-resnet34-LM.onnx",
            "https://huggingface.co/Wespeaker/wespeaker-voxceleb-resnet34-LM/resolve/f0c48c298fd835726c27956a5d617bad7115627e/voxceleb_resnet34_LM.onnx",
            "7bb2f06e9df17cdf1ef14ee8a15ab08ed28e8d0ef5054ee135741560df2ec068", 26_530_309, "CC-BY-4.0",
            "speaker embeddings for the diarize engine `embeddings` (WeSpeaker ResNet34-LM, VoxCeleb, 256 dimensions)"),
        // 3D-Speaker CAM++ (iic/speech_campplus_sv_zh_en_16k-common_advanced, Apache-2.0) in sherpa-onnx's ONNX export
        // (input `x` [N, T, 80], output `embedding` [N, 192]), from its speaker-recognition-models release. Size and
        // SHA-256 as published for the unchanged file on huggingface.co/Aivo/speaker-diarization-models; the store
        // checks both, so a release that changed would be refused, not used.
        new(CamPlusPlusId, "embeddings", "3dspeaker_speech_campplus_sv_zh_en_16k-common_advanced.onnx",
            "https://github.com/k2-fsa/sherpa-onnx/releases/download/speaker-recongition-models/3dspeaker_speech_campplus_sv_zh_en_16k-common_advanced.onnx",
            "aa3cfc16963a10586a9393f5035d6d6b57e98d358b347f80c2a30bf4f00ceba2", 28_281_164, "Apache-2.0",
            "speaker embeddings for the diarize engine `embeddings` with Embeddings:ModelId=" + CamPlusPlusId + " (3D-Speaker CAM++, Chinese and English, 192 dimensions)"),
    ];
}
