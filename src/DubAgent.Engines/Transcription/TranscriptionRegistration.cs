using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Transcription;

public static class TranscriptionRegistration
{
    /// <summary>Registers the transcription tools and engines (engines in order of preference).</summary>
    public static IServiceCollection AddTranscription(this IServiceCollection services)
    {
        return services;
    }
}
