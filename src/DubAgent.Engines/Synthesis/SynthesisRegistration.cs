using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Tools;
using DubAgent.Engines.Languages;
using DubAgent.Engines.Voices;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Synthesis;

public static class SynthesisRegistration
{
    /// <summary>
    /// Registers the synthesis tool and engines in order of preference: the neural engines when configured
    /// (piper needs a model, openai a key or a local endpoint), espeak-ng always.
    /// </summary>
    public static IServiceCollection AddSynthesis(this IServiceCollection services)
    {
        services.AddSingleton<PiperSynthesizer>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<PiperSynthesizer>());
        services.AddSingleton<OpenAiSpeechSynthesizer>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<OpenAiSpeechSynthesizer>());
        services.AddSingleton<EspeakSynthesizer>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<EspeakSynthesizer>());
        services.AddVoiceMatching();
        services.AddSingleton<SpeakerCasting>();
        services.AddSingleton<ITool, SynthesizeTool>();
        services.AddLanguageReach();
        return services;
    }
}
