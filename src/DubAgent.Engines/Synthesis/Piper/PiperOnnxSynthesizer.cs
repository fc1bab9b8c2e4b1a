using System.Collections.Concurrent;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Models;
using DubAgent.Core.Processes;
using DubAgent.Engines.Languages;
using DubAgent.Engines.SpeechDetection;
using Microsoft.Extensions.Configuration;
using Microsoft.ML.OnnxRuntime;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// The `piper` engine: Piper VITS voices in process on ONNX Runtime. Text → espeak-ng IPA per clause → the voice's
/// phoneme_id_map → the model (length, noise and noise_w scales from the voice's config) → a WAV at its sample rate,
/// sentences 0.2 s apart, peak-normalised as Piper does. Voices come from the model store (`piper-VOICE` and
/// `piper-VOICE-config`, one catalog voice per language) and from Piper:Model / Piper:ModelDirectory; each speaks only
/// its own language, so the languages it reaches are those of the voices present (<see cref="PiperLanguageVoices"/>).
/// </summary>
public sealed class PiperOnnxSynthesizer(IConfiguration configuration, EspeakPhonemizer phonemizer, InferenceSessionCache sessions, IMediaToolkit media,
    IModelStore? store = null) : ISynthesizer, ISynthesisFingerprint, ILanguageVoiceHint
{
    private const double SentenceGapSeconds = 0.2;
    private readonly ConcurrentDictionary<string, PiperVoiceConfig> _configs = new(StringComparer.Ordinal);

    public string Name => "piper";

    public string Capability => Capabilities.Synthesize;

    public string Description =>
        "Piper neural voices in process (VITS on ONNX Runtime, phonemes from espeak-ng): natural offline speech, one voice per language model. Needs a voice in the model store.";

    public string SettingsFingerprint => string.Join(';', Voices().Select(m => $"{m.ModelPath}:{new FileInfo(m.ModelPath).Length}"));

    /// <summary>English's pull command and the other catalog voices to pull the same way, or a folder of voices.</summary>
    private static string Hint =>
        $"{PiperVoiceCatalog.PullHint(PiperVoiceCatalog.Voices[0].Name)} for English; other languages the same way with "
        + $"{string.Join(", ", PiperVoiceCatalog.Voices.Skip(1).Select(v => $"{v.Name} ({v.Language})"))}; "
        + "or set Piper:ModelDirectory to a folder of Piper voices (.onnx with .onnx.json)";

    public string VoiceHint(string language) => PiperLanguageVoices.GetHint(language);

    public IReadOnlyDictionary<string, string> FetchableVoices { get; } =
        PiperVoiceCatalog.Voices.ToDictionary(v => v.Language, v => PiperVoiceCatalog.Prefix + v.Name, StringComparer.Ordinal);

    public Task<EngineStatus> CheckAsync(CancellationToken cancellationToken)
    {
        if (ProgramLocator.Find(EspeakNgOptions.From(configuration).Program) is null)
            return Task.FromResult(EngineStatus.Missing("espeak-ng (Piper's phonemizer) is not installed", ProgramCatalog.AptInstall + " espeak-ng"));
        IReadOnlyList<PiperVoiceModel> voices;
        try
        {
            voices = Voices();
        }
        catch (InputException e)
        {
            return Task.FromResult(EngineStatus.Missing(e.Message, e.Hint ?? Hint));
        }
        return Task.FromResult(voices.Count == 0
            ? EngineStatus.Missing("no Piper voice is in the model store or configured", Hint)
            : EngineStatus.Ready($"onnxruntime/{string.Join('+', voices.Select(v => v.Name))}",
                $"{voices.Count} voice(s), speaking {string.Join(", ", voices.Select(v => v.Language ?? v.EspeakVoice ?? "any language").Distinct())}"));
    }

    public Task<IReadOnlyList<VoiceInfo>> ListVoicesAsync(CancellationToken cancellationToken) => Task.FromResult(PiperVoiceModel.Infos(Voices()));

    public async Task SynthesizeAsync(SpeechRequest request, EngineContext context)
    {
        var (model, speaker) = PiperLanguageVoices.Choose(Voices(), request.Voice, request.Language, Name);
        var config = _configs.GetOrAdd(model.ConfigPath, PiperVoiceConfig.Read);
        if (config.PhonemeType != "espeak")
            throw new InputException($"The Piper voice '{model.Name}' uses phoneme_type '{config.PhonemeType}'; only espeak voices are supported.", "Choose an espeak-phonemized Piper voice.");
        var voice = Load(model);
        var sentences = await phonemizer.PhonemizeAsync(request.Text, config.EspeakVoice ?? request.Language, context.CancellationToken).ConfigureAwait(false);
        var rate = request.RateFactor ?? 1;
        var gap = new float[(int)(SentenceGapSeconds * config.SampleRate)];
        var audio = new List<float>();
        foreach (var sentence in sentences)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var ids = PiperPhonemeIds.For(sentence, config.PhonemeIds, out _);
            if (audio.Count > 0) audio.AddRange(gap);
            audio.AddRange(voice.Speak(ids, config.NoiseScale, (float)(config.LengthScale / rate), config.NoiseW, speaker));
        }
        var samples = audio.ToArray();
        var peak = samples.Length == 0 ? 0 : samples.Max(Math.Abs);
        if (peak > 0) for (var i = 0; i < samples.Length; i++) samples[i] *= 0.98f / Math.Max(0.01f, peak);
        using var writer = media.CreateWav(request.OutputPath, new AudioFormat(config.SampleRate, 1));
        writer.Write(samples);
        writer.Commit();
    }

    private PiperOnnxVoice Load(PiperVoiceModel model)
    {
        InferenceSession session;
        try
        {
            session = sessions.Get(model.ModelPath);
        }
        catch (Exception e) when (e is OnnxRuntimeException or IOException or UnauthorizedAccessException)
        {
            throw new EngineFailedException(Name, $"the voice model '{model.ModelPath}' could not be loaded ({e.Message.Split('\n', 2)[0].Trim()})", Damaged(model), null, e);
        }
        return PiperOnnxVoice.Problem(session) is { } problem
            ? throw new EngineFailedException(Name, $"'{model.ModelPath}' is not a Piper voice: {problem}", Damaged(model))
            : new PiperOnnxVoice(session);
    }

    private static string Damaged(PiperVoiceModel model) =>
        $"Run `dubagent models verify`; a damaged store voice is fetched again with `dubagent models remove {PiperVoiceCatalog.Prefix}{model.Name}` and {PiperVoiceCatalog.PullHint(model.Name)}.";

    /// <summary>Every voice whose two files are in the model store and the configured ones, the catalog's voices first.</summary>
    private IReadOnlyList<PiperVoiceModel> Voices()
    {
        var voices = PiperVoiceModel.Configured(PiperOptions.From(configuration)).ToList();
        if (store is null) return PiperLanguageVoices.Ordered(voices);
        foreach (var entry in store.Catalog.Where(e => e.Engine == "piper" && !e.Id.EndsWith(PiperVoiceCatalog.ConfigSuffix, StringComparison.Ordinal)))
            if (store.Find(entry.Id) is { } onnx && store.Find(entry.Id + PiperVoiceCatalog.ConfigSuffix) is { } json
                && voices.All(v => v.ModelPath != Path.GetFullPath(onnx)))
                voices.Add(PiperVoiceModel.Load(onnx, json));
        return PiperLanguageVoices.Ordered(voices);
    }
}
