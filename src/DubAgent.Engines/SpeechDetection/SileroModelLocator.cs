using DubAgent.Abstractions.Models;

namespace DubAgent.Engines.SpeechDetection;

/// <summary>Where the Silero VAD model is: the `Vad:Model` setting when given, else the model store's `silero-vad`.</summary>
public static class SileroModelLocator
{
    public const string ModelId = "silero-vad";

    /// <returns>The model's path, or null and why it is not there.</returns>
    public static (string? Path, string? Missing) Locate(SileroVadSettings settings, IModelStore? store)
    {
        if (settings.Model is { } configured)
            return File.Exists(configured) ? (configured, null) : (null, $"Vad:Model '{configured}' does not exist");
        if (store is null) return (null, $"no model store is set up to hold '{ModelId}'");
        return store.Find(ModelId) is { } stored ? (stored, null) : (null, $"the model store has no '{ModelId}'");
    }
}
