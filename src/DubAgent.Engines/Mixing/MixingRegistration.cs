using DubAgent.Abstractions.Tools;
using DubAgent.Core.Media;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DubAgent.Engines.Mixing;

public static class MixingRegistration
{
    /// <summary>Registers the mixing tools and engines (engines in order of preference).</summary>
    public static IServiceCollection AddMixing(this IServiceCollection services)
    {
        // The meter lives in Core; registered here too (TryAdd) so mixing works whoever registers Core.
        services.TryAddSingleton<LoudnessMeter>();
        services.AddSingleton<ITool, MixTool>();
        return services;
    }
}
