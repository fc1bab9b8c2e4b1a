using DubAgent.Abstractions.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Export;

public static class ExportRegistration
{
    /// <summary>Registers the export tools and engines (engines in order of preference).</summary>
    public static IServiceCollection AddExport(this IServiceCollection services)
    {
        services.AddSingleton<ITool, ExportTool>();
        return services;
    }
}
