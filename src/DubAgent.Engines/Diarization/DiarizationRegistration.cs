using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Diarization;

public static class DiarizationRegistration
{
    /// <summary>Registers the diarization tools and engines (engines in order of preference).</summary>
    public static IServiceCollection AddDiarization(this IServiceCollection services)
    {
        return services;
    }
}
