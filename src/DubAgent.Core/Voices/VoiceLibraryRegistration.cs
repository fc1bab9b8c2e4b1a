using DubAgent.Abstractions.Voices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DubAgent.Core.Voices;

public static class VoiceLibraryRegistration
{
    /// <summary>The voice library in Voices:Directory, shared by every tool and command of the process.</summary>
    public static IServiceCollection AddVoiceLibrary(this IServiceCollection services)
    {
        services.TryAddSingleton<IVoiceLibrary>(sp => new SqliteVoiceLibrary(VoiceLibraryOptions.From(sp.GetService<IConfiguration>())));
        return services;
    }
}
