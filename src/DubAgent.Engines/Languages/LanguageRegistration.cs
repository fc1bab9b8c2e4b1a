using DubAgent.Engines.Translation.Apertium;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DubAgent.Engines.Languages;

public static class LanguageRegistration
{
    /// <summary>Registers <see cref="LanguageReach"/> once; translation and synthesis both call this (either may be registered alone).</summary>
    public static IServiceCollection AddLanguageReach(this IServiceCollection services)
    {
        services.TryAddSingleton<ApertiumPairPackages>();
        services.TryAddSingleton<UnreachableLanguage>();
        services.TryAddSingleton<EngineReachRows>();
        services.TryAddSingleton<LanguageReach>();
        services.TryAddSingleton<Abstractions.Engines.ILanguageReachReport>(sp => sp.GetRequiredService<LanguageReach>());
        return services;
    }
}
