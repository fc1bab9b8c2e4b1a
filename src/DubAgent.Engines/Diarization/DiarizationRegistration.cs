using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Tools;
using DubAgent.Engines.SpeechDetection;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Diarization;

public static class DiarizationRegistration
{
    /// <summary>Registers the diarize tool and its engines: pyannote first (best, when installed), then the built-in mfcc.</summary>
    public static IServiceCollection AddDiarization(this IServiceCollection services)
    {
        services.AddSpeechDetection();
        services.AddSingleton<SpeechSegmenter>();
        services.AddSingleton<PyannoteDiarizer>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<PyannoteDiarizer>());
        services.AddSingleton<MfccDiarizer>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<MfccDiarizer>());
        services.AddSingleton<ITool, DiarizeTool>();
        return services;
    }
}
