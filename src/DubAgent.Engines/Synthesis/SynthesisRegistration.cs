using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Tools;
using DubAgent.Engines.Languages;
using DubAgent.Engines.Voices;
using DubAgent.Abstractions.Models;
using DubAgent.Engines.SpeechDetection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DubAgent.Engines.Synthesis;

public static class SynthesisRegistration
{
    /// <summary>
    /// Registers the synthesis tool and engines in order of preference: the neural engines when configured
    /// (piper needs a voice in the model store, piper-cli the piper program, openai a key or a local endpoint), espeak-ng always.
    /// </summary>
    public static IServiceCollection AddSynthesis(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IModelCatalogSource, PiperVoiceCatalog>());
        services.TryAddSingleton<InferenceSessionCache>();
        services.AddSingleton<EspeakPhonemizer>();
        services.AddSingleton<PiperOnnxSynthesizer>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<PiperOnnxSynthesizer>());
        services.AddSingleton<PiperCliSynthesizer>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<PiperCliSynthesizer>());
        services.AddSingleton<OpenAiSpeechSynthesizer>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<OpenAiSpeechSynthesizer>());
        services.AddSingleton<ElevenLabs.ElevenLabsSynthesizer>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<ElevenLabs.ElevenLabsSynthesizer>());
        services.AddSingleton<EspeakSynthesizer>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<EspeakSynthesizer>());
        services.AddSingleton<Chatterbox.ChatterboxSynthesizer>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<Chatterbox.ChatterboxSynthesizer>());
        services.AddVoiceMatching();
        services.AddSingleton<SpeakerCasting>();
        services.AddSingleton<ITool, SynthesizeTool>();
        services.AddLanguageReach();
        return services;
    }
}
