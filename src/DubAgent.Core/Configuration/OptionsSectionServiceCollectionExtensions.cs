using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Core.Configuration;

public static class OptionsSectionServiceCollectionExtensions
{
    /// <summary>Declares that <paramref name="path"/> binds to <typeparamref name="TOptions"/>, so the host checks it at start-up.</summary>
    public static IServiceCollection AddOptionsSection<TOptions>(this IServiceCollection services, string path) where TOptions : class
    {
        // Not TryAddEnumerable: it tells instances apart by type, and every section is an OptionsSection.
        services.AddSingleton(new OptionsSection(path, typeof(TOptions)));
        return services;
    }
}
