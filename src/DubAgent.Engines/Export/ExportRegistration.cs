using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Export;

public static class ExportRegistration
{
    /// <summary>Registers the export tools and engines (engines in order of preference).</summary>
    public static IServiceCollection AddExport(this IServiceCollection services)
    {
        return services;
    }
}
