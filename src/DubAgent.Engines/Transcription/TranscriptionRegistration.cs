using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Tools;
using DubAgent.Engines.SpeechDetection;
using DubAgent.Engines.Transcription.Whisper;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Transcription;

public static class TranscriptionRegistration
{
    /// <summary>
    /// Registers the transcribe tool and its engines in order of preference: Whisper in process when its model is in the
    /// store, a configured OpenAI-compatible endpoint, whisper.cpp, then the built-in pocketsphinx; subtitles import last
    /// (chosen by name or for .srt/.vtt input).
    /// </summary>
    public static IServiceCollection AddTranscription(this IServiceCollection services)
    {
        services.AddSpeechDetection();
        services.AddSingleton<WhisperTranscriber>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<WhisperTranscriber>());
        services.AddSingleton<OpenAiTranscriber>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<OpenAiTranscriber>());
        services.AddSingleton<WhisperCppTranscriber>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<WhisperCppTranscriber>());
        services.AddSingleton<PocketsphinxTranscriber>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<PocketsphinxTranscriber>());
        services.AddSingleton<SubtitleTranscriber>();
        services.AddSingleton<IEngine>(sp => sp.GetRequiredService<SubtitleTranscriber>());
        services.AddSingleton<ITool, TranscribeTool>();
        return services;
    }
}
