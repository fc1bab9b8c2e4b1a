using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Synthesis;

public static class SynthesisRegistration
{
    /// <summary>Registers the synthesis tools and engines (engines in order of preference).</summary>
    public static IServiceCollection AddSynthesis(this IServiceCollection services)
    {
        return services;
    }
}
