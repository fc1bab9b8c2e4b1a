using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Subtitles;

public static class SubtitlesRegistration
{
    /// <summary>Registers the subtitles tools and engines (engines in order of preference).</summary>
    public static IServiceCollection AddSubtitles(this IServiceCollection services)
    {
        return services;
    }
}
