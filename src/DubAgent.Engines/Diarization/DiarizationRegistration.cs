using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Models;
using DubAgent.Abstractions.Tools;
using DubAgent.Engines.SpeechDetection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DubAgent.Engines.Diarization;

public static class DiarizationRegistration
{
    /// <summary>
    /// Registers the diarize tool and its engines, best first: embeddings (when its model is in the store), pyannote
    /// (when installed), then the built-in mfcc; and the speaker-embedding models in the store's catalog.
    /// </summary>
    public static IServiceCollection AddDiarization(this IServiceCollection services)
    {
        services.AddSpeechDetection();
        services.AddSingleton<SpeechSegmenter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelCatalogSource, SpeakerEmbeddingCatalog>());
        services.AddSingleton<EmbeddingDiarizer>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<EmbeddingDiarizer>());
        services.AddSingleton<PyannoteDiarizer>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<PyannoteDiarizer>());
        services.AddSingleton<MfccDiarizer>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<MfccDiarizer>());
        services.AddSingleton<ITool, DiarizeTool>();
        return services;
    }
}
