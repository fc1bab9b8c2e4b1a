using Microsoft.Extensions.Configuration;

namespace DubAgent.Core.Configuration;

public static class ConfigurationOptionsExtensions
{
    /// <summary>The section bound to its options class (ConfigurationBinder), or the class's defaults when the section is absent.</summary>
    public static TOptions GetOptions<TOptions>(this IConfiguration configuration, string path) where TOptions : new() =>
        configuration.GetSection(path).Get<TOptions>() ?? new TOptions();
}
