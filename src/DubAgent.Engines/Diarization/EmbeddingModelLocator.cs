using DubAgent.Abstractions.Models;

namespace DubAgent.Engines.Diarization;

/// <summary>Where the speaker-embedding model is: `Embeddings:Model` when set, else the model store's `wespeaker-resnet34`. Looks, never downloads.</summary>
public static class EmbeddingModelLocator
{
    public const string PullHint = "dubagent models pull " + SpeakerEmbeddingCatalog.DefaultModelId;

    /// <returns>The model's path, or null and why it is not there.</returns>
    public static (string? Path, string? Missing) Locate(EmbeddingsOptions options, IModelStore? store)
    {
        if (options.Model is { Length: > 0 } configured)
            return File.Exists(configured) ? (configured, null) : (null, $"Embeddings:Model '{configured}' does not exist");
        if (store is null) return (null, $"no model store is set up to hold '{SpeakerEmbeddingCatalog.DefaultModelId}'");
        return store.Find(SpeakerEmbeddingCatalog.DefaultModelId) is { } stored
            ? (stored, null)
            : (null, $"the speaker-embedding model '{SpeakerEmbeddingCatalog.DefaultModelId}' is not in the model store");
    }
}
