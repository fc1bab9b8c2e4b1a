using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Models;
using DubAgent.Core.Configuration;
using DubAgent.Abstractions.Tools;
using DubAgent.Engines.Separation.Demucs;
using DubAgent.Engines.Separation.Dsp;
using DubAgent.Engines.Separation.Mdx;
using DubAgent.Engines.Separation.Plain;
using DubAgent.Engines.Separation.Uvr;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DubAgent.Engines.Separation;

public static class SeparationRegistration
{
    /// <summary>
    /// Registers separate_audio and its engines in order of preference for a call that names none: the best available
    /// separation first (demucs, then mdx when its model is in the store, then uvr when installed), then the built-in
    /// dsp, and ffmpeg (no separation) last. Recipes route explicitly (mdx, then uvr, for dialogue; demucs for cinematic;
    /// ffmpeg for short low-budget videos). The MDX-Net models join the model store's catalog from here.
    /// </summary>
    public static IServiceCollection AddSeparation(this IServiceCollection services)
    {
        services.TryAddSingleton<StemConformer>();
        services.AddSingleton<DemucsSeparator>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<DemucsSeparator>());
        services.AddSingleton<MdxSeparator>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<MdxSeparator>());
        services.AddSingleton<IModelCatalogSource, MdxCatalogSource>();
        services.AddOptionsSection<MdxOptions>(MdxOptions.Section);
        services.AddSingleton<UvrSeparator>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<UvrSeparator>());
        services.AddSingleton<DspSeparator>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<DspSeparator>());
        services.AddSingleton<PlainExtractionSeparator>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<PlainExtractionSeparator>());
        services.AddSingleton<ITool, SeparateAudioTool>();
        return services;
    }
}
