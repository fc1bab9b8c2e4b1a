using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Analysis;

public static class AnalysisRegistration
{
    /// <summary>Registers the analysis tools and engines (engines in order of preference).</summary>
    public static IServiceCollection AddAnalysis(this IServiceCollection services)
    {
        return services;
    }
}
