using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Media;
using DubAgent.Core.Models;
using DubAgent.Core.Processes;
using DubAgent.Core.Registry;
using DubAgent.Core.Voices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DubAgent.Core.Hosting;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The media layer, process runner and the tool and engine registries.</summary>
    public static IServiceCollection AddDubAgentCore(this IServiceCollection services)
    {
        services.TryAddSingleton<ProgramCatalog>();
        services.TryAddSingleton<FileContentHashes>();
        services.TryAddSingleton<IProcessRunner, ProcessRunner>();
        services.TryAddSingleton<Ffmpeg>();
        services.TryAddSingleton<MediaProbe>();
        services.TryAddSingleton<MediaIntegrityCheck>();
        services.TryAddSingleton<AudioExtractor>();
        services.TryAddSingleton<Muxer>();
        services.TryAddSingleton<LoudnessMeter>();
        services.TryAddSingleton<IMediaToolkit, MediaToolkit>();
        services.TryAddSingleton<RegistrationProblems>();
        services.TryAddSingleton<IToolRegistry, ToolRegistry>();
        services.TryAddSingleton<IEngineRegistry, EngineRegistry>();
        services.AddModelStore();
        services.AddVoiceLibrary();
        services.AddDubAgentPipelines();
        return services;
    }
}
