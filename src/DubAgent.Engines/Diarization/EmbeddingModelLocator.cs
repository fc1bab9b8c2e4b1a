using DubAgent.Abstractions.Models;

namespace DubAgent.Engines.Diarization;

/// <summary>Where the speaker-embedding model is: `Embeddings:Model` when set, else the model store's `Embeddings:ModelId`. Looks, never downloads.</summary>
public static class EmbeddingModelLocator
{
    /// <summary>The pull command for the model the settings ask for.</summary>
    public static string PullHintFor(EmbeddingsOptions options) => $"dubagent models pull {options.ModelId}";

    /// <returns>The model's path, or null and why it is not there.</returns>
    public static (string? Path, string? Missing) Locate(EmbeddingsOptions options, IModelStore? store)
    {
        if (options.Model is { Length: > 0 } configured)
            return File.Exists(configured) ? (configured, null) : (null, $"Embeddings:Model '{configured}' does not exist");
        if (store is null) return (null, $"no model store is set up to hold '{options.ModelId}'");
        return store.Find(options.ModelId) is { } stored
            ? (stored, null)
            : (null, $"the speaker-embedding model '{options.ModelId}' is not in the model store");
    }
}
