using DubAgent.Abstractions.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Mixing;

public static class MixingRegistration
{
    /// <summary>Registers the mixing tools and engines (engines in order of preference).</summary>
    public static IServiceCollection AddMixing(this IServiceCollection services)
    {
        services.AddSingleton<ITool, MixTool>();
        return services;
    }
}
