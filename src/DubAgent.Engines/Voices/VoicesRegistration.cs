using DubAgent.Abstractions.Tools;
using DubAgent.Core.Voices;
using DubAgent.Engines.SpeechDetection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DubAgent.Engines.Voices;

public static class VoicesRegistration
{
    /// <summary>The voice library's tools (list_voices, create_voice, assign_voice) and the services behind them.</summary>
    public static IServiceCollection AddVoices(this IServiceCollection services)
    {
        services.AddVoiceMatching();
        services.TryAddSingleton<VoiceSamples>();
        services.TryAddSingleton<VoiceEnrollment>();
        services.TryAddSingleton<VoiceAssigner>();
        services.TryAddSingleton<VoiceRemoval>();
        services.AddSingleton<ITool, ListVoicesTool>();
        services.AddSingleton<ITool, CreateVoiceTool>();
        services.AddSingleton<ITool, AssignVoiceTool>();
        return services;
    }

    /// <summary>What casting needs to match a job's speakers to the library's actors (safe to call more than once).</summary>
    public static IServiceCollection AddVoiceMatching(this IServiceCollection services)
    {
        services.AddVoiceLibrary();
        services.TryAddSingleton<InferenceSessionCache>();
        services.TryAddSingleton<SpeakerVoiceprinter>();
        services.TryAddSingleton<SpeakerReferences>();
        services.TryAddSingleton<ActorCasting>();
        return services;
    }
}
