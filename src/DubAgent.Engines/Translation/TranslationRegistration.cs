using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Translation;

public static class TranslationRegistration
{
    /// <summary>Registers the translation tools and engines (engines in order of preference).</summary>
    public static IServiceCollection AddTranslation(this IServiceCollection services)
    {
        return services;
    }
}
