using DubAgent.Abstractions.Tools;
using DubAgent.Core.Media;
using DubAgent.Engines.SpeechDetection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DubAgent.Engines.Analysis;

public static class AnalysisRegistration
{
    /// <summary>Registers analyze_media (it has no engines: one analysis, written here).</summary>
    public static IServiceCollection AddAnalysis(this IServiceCollection services)
    {
        services.TryAddSingleton<LoudnessMeter>();
        services.AddSpeechDetection();
        services.AddSingleton<ITool, AnalyzeMediaTool>();
        return services;
    }
}
