using DubAgent.Core.Configuration;
using DubAgent.Engines.Diarization;
using DubAgent.Engines.Separation.Demucs;
using DubAgent.Engines.Separation.Uvr;
using DubAgent.Engines.Synthesis;
using DubAgent.Engines.Transcription;
using DubAgent.Engines.Translation.Llm;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines;

public static class EngineOptionsSections
{
    /// <summary>The configuration section of every built-in engine that has settings, for the host's start-up check.</summary>
    public static IServiceCollection AddEngineOptionsSections(this IServiceCollection services) => services
        .AddOptionsSection<DemucsOptions>(DemucsOptions.Section)
        .AddOptionsSection<UvrOptions>(UvrOptions.Section)
        .AddOptionsSection<PocketsphinxOptions>(PocketsphinxOptions.Section)
        .AddOptionsSection<WhisperCppOptions>(WhisperCppOptions.Section)
        .AddOptionsSection<OpenAiOptions>(OpenAiOptions.Section)
        .AddOptionsSection<MfccOptions>(MfccOptions.Section)
        .AddOptionsSection<EmbeddingsOptions>(EmbeddingsOptions.Section)
        .AddOptionsSection<PyannoteOptions>(PyannoteOptions.Section)
        .AddOptionsSection<LlmSettings>(LlmSettings.Section)
        .AddOptionsSection<EspeakNgOptions>(EspeakNgOptions.Section)
        .AddOptionsSection<PiperOptions>(PiperOptions.Section)
        .AddOptionsSection<Synthesis.ElevenLabs.ElevenLabsOptions>(Synthesis.ElevenLabs.ElevenLabsOptions.Section)
        .AddOptionsSection<Synthesis.Chatterbox.ChatterboxOptions>(Synthesis.Chatterbox.ChatterboxOptions.Section)
        .AddOptionsSection<SpeechDetection.SileroVadSettings>(SpeechDetection.SileroVadSettings.Section)
        .AddOptionsSection<Transcription.Whisper.WhisperSettings>(Transcription.Whisper.WhisperSettings.Section);
}
