using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Models;
using DubAgent.Abstractions.Voices;
using DubAgent.Engines.SpeechDetection;
using DubAgent.Engines.Transcription;
using DubAgent.Engines.Voices;
using DubAgent.Server.Live.Pipeline;
using DubAgent.Server.Live.Recognition;
using DubAgent.Server.Live.Synthesis;
using DubAgent.Server.Live.Translation;
using DubAgent.Server.Live.Voices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML.OnnxRuntime;

namespace DubAgent.Server.Live;

/// <summary>
/// The warm engines every live session shares: pocketsphinx decoders (pooled), the translator (apertium pipelines
/// kept running), espeak-ng in process, and the Silero VAD session (or the energy fallback, with why).
/// </summary>
public sealed class LiveEngines : IAsyncDisposable
{
    private static readonly Lazy<EspeakStreamer> Espeak = new(() => EspeakStreamer.Start(100));

    private readonly InferenceSession? _vad;
    private readonly string _search;

    public LiveEngines(IServiceProvider services, LiveOptions options, string workDirectory)
    {
        var configuration = services.GetService<IConfiguration>() ?? new ConfigurationBuilder().Build();
        Decoders = new DecoderPool(PocketsphinxOptions.From(configuration).ModelDirectory, options.Search == "accurate");
        _search = options.Search;
        var registry = Registry = services.GetRequiredService<IEngineRegistry>();
        Translator = new LiveTranslator(registry, options.Translator, workDirectory);
        Library = services.GetService<IVoiceLibrary>();
        Cloning = new LiveVoiceCloning(services.GetService<VoiceEnrollment>(), registry, workDirectory);
        LineSpeaker = new EngineLineSpeaker(registry, workDirectory);
        var (path, missing) = SileroModelLocator.Locate(SileroVadSettings.From(configuration), services.GetService<IModelStore>());
        if (path is null)
        {
            VadNote = $"speech detection by energy (music counts as speech): no Silero VAD model ({missing}); " +
                      $"get it with `dubagent models pull {SileroModelLocator.ModelId}` or set Vad:Model";
            return;
        }
        try
        {
            _vad = (services.GetService<InferenceSessionCache>() ?? new InferenceSessionCache()).Get(path);
            if (SileroModelCheck.Problem(_vad) is { } wrong)
            {
                VadNote = $"speech detection by energy: '{path}' {wrong}";
                _vad = null;
            }
        }
        catch (Exception e) when (e is OnnxRuntimeException or IOException)
        {
            VadNote = $"speech detection by energy: the Silero VAD model '{path}' could not be loaded ({e.Message.Split('\n')[0]})";
        }
    }

    public DecoderPool Decoders { get; }

    public LiveTranslator Translator { get; }

    public IEngineRegistry Registry { get; }

    /// <summary>The voice library preserve_voice matches speakers in (null on a host without it).</summary>
    public IVoiceLibrary? Library { get; }

    public LiveVoiceCloning Cloning { get; }

    public EngineLineSpeaker LineSpeaker { get; }

    /// <summary>Why the energy detector stands in for Silero VAD; null when Silero runs.</summary>
    public string? VadNote { get; }

    public static EspeakStreamer Synthesizer => Espeak.Value;

    public IWindowScorer NewScorer() => _vad is null ? new EnergyWindowScorer() : new SileroWindowScorer(_vad);

    public IReadOnlyDictionary<string, string> Names => new Dictionary<string, string>
    {
        ["vad"] = _vad is null ? EnergySpeechDetector.Name : SileroSpeechDetector.Name,
        ["asr"] = _search == "accurate" ? "pocketsphinx (accurate search)" : "pocketsphinx",
        ["translate"] = Translator.EngineName,
        ["tts"] = "espeak-ng",
    };

    public async ValueTask DisposeAsync()
    {
        Decoders.Dispose();
        await Translator.DisposeAsync().ConfigureAwait(false);
    }
}
