using System.ComponentModel.DataAnnotations;
using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Diarization;

/// <summary>Settings of the `embeddings` diarizer, section "Embeddings" (DUBAGENT_EMBEDDINGS__MODEL).</summary>
public sealed class EmbeddingsOptions
{
    public const string Section = "Embeddings";

    /// <summary>A speaker-embedding ONNX file that wins over the model store's <see cref="ModelId"/>.</summary>
    public string? Model { get; set; }

    /// <summary>Which catalog model to take from the model store: `wespeaker-resnet34` (default) or `3dspeaker-campplus-zh-en`.</summary>
    public string ModelId
    {
        get => string.IsNullOrWhiteSpace(_modelId) ? SpeakerEmbeddingCatalog.DefaultModelId : _modelId;
        set => _modelId = value;
    }

    private string? _modelId;

    /// <summary>
    /// Centroid-linkage clustering threshold: Euclidean distance between the mean length-normalised embeddings of two
    /// clusters above which they are two speakers. 0.7046 is what pyannote 3.1 tuned for the WeSpeaker ResNet34 model;
    /// no value has been tuned for CAM++ here (its weights could not be fetched on the build machine).
    /// </summary>
    [Range(0.0, 2.0, MinimumIsExclusive = true)]
    public double StopDistance { get; set; } = 0.7045654963945799;

    /// <summary>Longest stretch of speech embedded at once; longer segments are embedded in windows overlapping by half.</summary>
    [Range(0.5, 30.0)]
    public double WindowSeconds { get; set; } = 3;

    /// <summary>A speaker holding less of the speech than this share (and under 15 s) is absorbed into the nearest.</summary>
    [Range(0.0, 1.0)]
    public double MinClusterShare { get; set; } = 0.05;

    public static EmbeddingsOptions From(IConfiguration configuration) => configuration.GetOptions<EmbeddingsOptions>(Section);
}
