using DubAgent.Abstractions.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Subtitles;

public static class SubtitlesRegistration
{
    /// <summary>Registers the subtitle writing tool (import of .srt/.vtt is a transcribe engine, in Transcription/).</summary>
    public static IServiceCollection AddSubtitles(this IServiceCollection services)
    {
        services.AddSingleton<ITool, WriteSubtitlesTool>();
        return services;
    }
}
