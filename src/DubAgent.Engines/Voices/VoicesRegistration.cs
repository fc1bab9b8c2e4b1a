using DubAgent.Abstractions.Tools;
using DubAgent.Core.Voices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DubAgent.Engines.Voices;

public static class VoicesRegistration
{
    /// <summary>The voice library's tools (list_voices, create_voice, assign_voice) and the services casting uses to match speakers to actors.</summary>
    public static IServiceCollection AddVoices(this IServiceCollection services)
    {
        services.AddVoiceLibrary();
        services.TryAddSingleton<VoiceSamples>();
        services.TryAddSingleton<SpeakerVoiceprinter>();
        services.TryAddSingleton<VoiceEnrollment>();
        services.TryAddSingleton<VoiceAssigner>();
        services.AddSingleton<ITool, ListVoicesTool>();
        services.AddSingleton<ITool, CreateVoiceTool>();
        services.AddSingleton<ITool, AssignVoiceTool>();
        return services;
    }
}
