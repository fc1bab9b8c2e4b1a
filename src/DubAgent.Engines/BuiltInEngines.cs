using DubAgent.Engines.Analysis;
using DubAgent.Engines.Diarization;
using DubAgent.Engines.Export;
using DubAgent.Engines.Mixing;
using DubAgent.Engines.Separation;
using DubAgent.Engines.Subtitles;
using DubAgent.Engines.Synthesis;
using DubAgent.Engines.Transcription;
using DubAgent.Engines.Translation;
using DubAgent.Engines.Voices;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines;

public static class BuiltInEngines
{
    /// <summary>Every built-in tool and engine, one registration per capability folder, and the engines' settings sections.</summary>
    public static IServiceCollection AddBuiltInEngines(this IServiceCollection services) => services
        .AddEngineOptionsSections()
        .AddAnalysis()
        .AddSeparation()
        .AddTranscription()
        .AddDiarization()
        .AddTranslation()
        .AddSubtitles()
        .AddSynthesis()
        .AddMixing()
        .AddExport()
        .AddVoices();
}
