using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Tools;
using DubAgent.Engines.Translation.Apertium;
using DubAgent.Engines.Translation.Llm;
using DubAgent.Engines.Languages;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Translation;

public static class TranslationRegistration
{
    /// <summary>Registers the translate tool and engines: the LLM planner first (when configured), then apertium.</summary>
    public static IServiceCollection AddTranslation(this IServiceCollection services)
    {
        services.AddSingleton<LlmTranslator>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<LlmTranslator>());
        services.AddSingleton<ApertiumTranslator>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<ApertiumTranslator>());
        services.AddSingleton<ITool, TranslateTool>();
        services.AddLanguageReach();
        return services;
    }
}
