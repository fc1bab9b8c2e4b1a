using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DubAgent.Engines.SpeechDetection;

public static class SpeechDetectionRegistration
{
    /// <summary>
    /// The one speech detector every capability uses (Silero VAD, falling back to the energy detector). Each capability
    /// that needs speech regions calls this; the first call registers, later ones change nothing.
    /// </summary>
    public static IServiceCollection AddSpeechDetection(this IServiceCollection services)
    {
        services.TryAddSingleton<InferenceSessionCache>();
        services.TryAddSingleton<ISpeechDetector, SileroOrEnergyDetector>();
        services.TryAddSingleton<SpeechRegionFinder>();
        return services;
    }
}
