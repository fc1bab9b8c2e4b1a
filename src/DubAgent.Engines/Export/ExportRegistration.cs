using DubAgent.Abstractions.Tools;
using DubAgent.Core.Media;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DubAgent.Engines.Export;

public static class ExportRegistration
{
    /// <summary>Registers the export tools and engines (engines in order of preference).</summary>
    public static IServiceCollection AddExport(this IServiceCollection services)
    {
        services.TryAddSingleton<LoudnessMeter>();
        services.AddSingleton<ITool, ExportTool>();
        return services;
    }
}
