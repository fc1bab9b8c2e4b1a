using System.Globalization;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Voices;
using DubAgent.Core.Media;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Synthesis.ElevenLabs;

/// <summary>
/// ElevenLabs through its REST API: speaks with any voice of the account (its own clones included) and clones a voice
/// from samples (Instant Voice Cloning). Needs an API key; without one it is unavailable and says how to get one.
/// </summary>
public sealed class ElevenLabsSynthesizer(IConfiguration configuration, IMediaToolkit media) : ISynthesizer, IVoiceCloner, ISynthesisFingerprint
{
    public const string EngineName = "elevenlabs";

    public const string KeyHint =
        "Create an API key at https://elevenlabs.io/app/settings/api-keys (an ElevenLabs account; cloning needs a plan with Instant Voice Cloning), then export DUBAGENT_ELEVENLABS__APIKEY=... (or ELEVENLABS_API_KEY, or --config ElevenLabs:ApiKey=...)";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(5) };

    private readonly VoiceListCache _voices = new(VoiceListCache.DefaultLifetime);

    private ElevenLabsOptions Options => ElevenLabsOptions.From(configuration);

    public string Name => EngineName;

    public string Capability => Capabilities.Synthesize;

    public string Description =>
        "ElevenLabs' hosted neural voices over its REST API, and voice cloning from a person's samples (with their consent recorded). Multilingual: a cloned voice speaks every target language. Needs an API key.";

    public int MaxConcurrency => Options.MaxConcurrency;

    public string SettingsFingerprint => $"{Options.BaseUrl}|{Options.Model}|{Options.OutputFormat}";

    public Task<EngineStatus> CheckAsync(CancellationToken cancellationToken)
    {
        var options = Options;
        if (options.ApiKey is not { Length: > 0 })
            return Task.FromResult(EngineStatus.Missing("no ElevenLabs API key", KeyHint));
        if (PcmRate(options.OutputFormat) is null && !options.OutputFormat.StartsWith("mp3_", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(EngineStatus.Missing($"ElevenLabs:OutputFormat '{options.OutputFormat}' is not pcm_<rate> or mp3_<rate>_<kbps>",
                "Set ElevenLabs:OutputFormat to pcm_16000, pcm_22050, pcm_24000 or mp3_44100_128."));
        return Task.FromResult(EngineStatus.Ready(options.Model, $"{options.BaseUrl}, model {options.Model}, {options.OutputFormat}"));
    }

    public Task<IReadOnlyList<VoiceInfo>> ListVoicesAsync(CancellationToken cancellationToken)
    {
        var api = Api();
        var options = Options;
        return _voices.GetAsync($"{options.BaseUrl}|{options.ApiKey}", api.ListVoicesAsync, cancellationToken);
    }

    public async Task SynthesizeAsync(SpeechRequest request, EngineContext context)
    {
        var options = Options;
        var speed = request.RateFactor;
        var audio = await Api(options).TextToSpeechAsync(request.Voice, request.Text, speed, context.CancellationToken).ConfigureAwait(false);
        if (audio.Length == 0) throw new EngineFailedException(Name, $"ElevenLabs returned no audio for \"{EspeakSynthesizer.Preview(request.Text)}\"");
        if (PcmRate(options.OutputFormat) is { } rate)
        {
            WritePcmAsWav(audio, rate, request.OutputPath);
            return;
        }
        var raw = Path.Combine(context.WorkDirectory, $".elevenlabs-{Guid.NewGuid():N}.mp3");
        try
        {
            await File.WriteAllBytesAsync(raw, audio, context.CancellationToken).ConfigureAwait(false);
            await media.ExtractAudioAsync(raw, request.OutputPath, null, 1, SampleEncoding.Pcm16, null, context.CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (File.Exists(raw)) File.Delete(raw);
        }
    }

    public async Task<string> CloneAsync(string name, IReadOnlyList<string> samples, ConsentRecord consent, CancellationToken cancellationToken)
    {
        var id = await Api().AddVoiceAsync(name, samples,
            $"Cloned by DubAgent with the consent of {consent.ConsentedBy} given {consent.Date:yyyy-MM-dd}: \"{consent.Statement}\"", cancellationToken).ConfigureAwait(false);
        _voices.Forget();
        return id;
    }

    public async Task DeleteClonedVoiceAsync(string voiceId, CancellationToken cancellationToken)
    {
        try
        {
            await Api().DeleteVoiceAsync(voiceId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _voices.Forget();
        }
    }

    private ElevenLabsApi Api(ElevenLabsOptions? options = null)
    {
        options ??= Options;
        if (options.ApiKey is not { Length: > 0 }) throw new EngineUnavailableException(Name, Capability, "no ElevenLabs API key", KeyHint);
        return new ElevenLabsApi(Http, options, Name);
    }

    /// <summary>The sample rate of a `pcm_RATE` output format (raw signed 16-bit little-endian mono), or null.</summary>
    public static int? PcmRate(string format) =>
        format.StartsWith("pcm_", StringComparison.OrdinalIgnoreCase) && int.TryParse(format[4..], CultureInfo.InvariantCulture, out var rate) && rate is >= 8000 and <= 48000
            ? rate
            : null;

    private void WritePcmAsWav(byte[] pcm, int rate, string path)
    {
        var samples = new float[pcm.Length / 2];
        for (var i = 0; i < samples.Length; i++) samples[i] = BitConverter.ToInt16(pcm, 2 * i) / 32768f;
        using var writer = media.CreateWav(path, new AudioFormat(rate, 1));
        writer.Write(samples);
        writer.Commit();
    }
}
