using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Separation;

public static class SeparationRegistration
{
    /// <summary>Registers the separation tools and engines (engines in order of preference).</summary>
    public static IServiceCollection AddSeparation(this IServiceCollection services)
    {
        return services;
    }
}
