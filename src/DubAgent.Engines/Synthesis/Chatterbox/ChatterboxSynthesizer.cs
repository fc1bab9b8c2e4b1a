using System.Globalization;
using System.Security.Cryptography;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Voices;
using DubAgent.Core.Media;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Synthesis.Chatterbox;

/// <summary>
/// Resemble AI's Chatterbox through the Chatterbox TTS API server (travisvn/chatterbox-tts-api): a self-hosted,
/// OpenAI-compatible /v1/audio/speech with a voice library. Cloning uploads one reference clip of the person under a
/// name of its own; speaking names that voice. Available while the server's /health answers healthy.
/// </summary>
public sealed class ChatterboxSynthesizer(IConfiguration configuration, IMediaToolkit media) : ISynthesizer, IVoiceCloner, ISynthesisFingerprint
{
    public const string EngineName = "chatterbox";

    /// <summary>The `input` limit of the API's speech request (its MAX_TOTAL_LENGTH default, and the field's max_length).</summary>
    public const int MaxInputChars = 3000;

    /// <summary>The language a clone is stored with: the server's default, and the only one its English model takes.</summary>
    public const string CloneLanguage = "en";

    private const int CloneAttempts = 3;

    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private readonly VoiceListCache _voices = new(VoiceListCache.DefaultLifetime);
    private readonly ChatterboxLanguageCopies _copies = new(EngineName);
    private IReadOnlyList<ChatterboxVoice> _server = [];
    private int? _maxInput;

    private ChatterboxOptions Options => ChatterboxOptions.From(configuration);

    public string Name => EngineName;

    public string Capability => Capabilities.Synthesize;

    public string Description =>
        "Resemble AI's Chatterbox on a self-hosted Chatterbox TTS API server (github.com/travisvn/chatterbox-tts-api): zero-shot voice cloning from one reference clip (with the person's consent recorded), 22 languages with its multilingual model. Needs the server running (Docker).";

    public int MaxConcurrency => Options.MaxConcurrency;

    public string SettingsFingerprint
    {
        get
        {
            var o = Options;
            return string.Create(CultureInfo.InvariantCulture, $"{o.BaseUrl}|{o.Exaggeration}|{o.CfgWeight}|{o.Temperature}");
        }
    }

    public async Task<EngineStatus> CheckAsync(CancellationToken cancellationToken)
    {
        var options = Options;
        ChatterboxHealth health;
        try
        {
            health = await Api(options).HealthAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (EngineFailedException e)
        {
            return EngineStatus.Missing(e.Message.Replace($"Engine '{Name}' failed: ", ""), e.Hint ?? ChatterboxErrors.StartHint);
        }
        _maxInput = health.MaxTotalLength;
        return health switch
        {
            { Ready: true } => EngineStatus.Ready("chatterbox-tts-api", $"{options.BaseUrl}, model loaded on {health.Device ?? "an unknown device"}"),
            { Status: "error" } => EngineStatus.Missing($"the server at {options.BaseUrl} could not load its model: {health.Error ?? "no reason given"}",
                "See `docker logs chatterbox-tts-api`; on a machine without an NVIDIA GPU start it with docker/docker-compose.cpu.yml."),
            _ => EngineStatus.Missing($"the server at {options.BaseUrl} is still loading its model ({health.Progress ?? health.Status})",
                $"Wait until {options.BaseUrl}/health says \"healthy\" (the first start downloads the model; follow it with `docker logs chatterbox-tts-api -f`), then try again."),
        };
    }

    /// <summary>The clones and other voices in the server's library (asked once a minute at most), without DubAgent's language copies.</summary>
    public Task<IReadOnlyList<VoiceInfo>> ListVoicesAsync(CancellationToken cancellationToken)
    {
        var options = Options;
        return _voices.GetAsync(options.BaseUrl, async token =>
        {
            var all = await Api(options).ListVoicesAsync(token).ConfigureAwait(false);
            _server = all;
            return all.Where(v => !ChatterboxVoiceNames.IsLanguageCopy(v.Name))
                .Select(v => new VoiceInfo(v.Name, [], null, null, $"voice library, stored as {v.Language}"))
                .ToList();
        }, cancellationToken);
    }

    public async Task SynthesizeAsync(SpeechRequest request, EngineContext context)
    {
        var options = Options;
        var api = Api(options);
        var cancellationToken = context.CancellationToken;
        await ListVoicesAsync(cancellationToken).ConfigureAwait(false);
        // The server speaks an unknown voice name in its default voice without a word: never let that pass.
        var clone = _server.FirstOrDefault(v => v.Name == request.Voice)
            ?? throw new EngineFailedException(Name, $"the voice '{request.Voice}' is not in the voice library of the server at {options.BaseUrl} (the server would speak the line in its default voice)",
                "List the server's voices with `dubagent voices engine chatterbox`, or create the cloned voice again (`dubagent voices delete NAME`, then `dubagent voices create NAME --sample ... --consent ... --engine chatterbox`).");
        var voice = await _copies.VoiceForAsync(api, clone, ChatterboxVoiceNames.Language(request.Language), () => _server,
            copy => _server = [.. _server, copy], RefreshAsync, context.WorkDirectory, cancellationToken).ConfigureAwait(false);

        var parts = TextChunker.Split(request.Text, Math.Min(MaxInputChars, _maxInput ?? MaxInputChars));
        if (parts.Count == 0) throw new EngineFailedException(Name, "the line to speak is empty", "Give the segment a text, or leave it out.");
        var pieces = new List<string>();
        try
        {
            foreach (var part in parts)
            {
                var audio = await api.SpeakAsync(part, voice, cancellationToken).ConfigureAwait(false);
                if (audio.Length < 44 || !audio.AsSpan(0, 4).SequenceEqual("RIFF"u8))
                    throw ChatterboxErrors.Malformed(Name, "/v1/audio/speech", $"the answer is not a WAV ({audio.Length} bytes) for \"{EspeakSynthesizer.Preview(part)}\"");
                var piece = Path.Combine(context.WorkDirectory, $".chatterbox-{Guid.NewGuid():N}.wav");
                await File.WriteAllBytesAsync(piece, audio, cancellationToken).ConfigureAwait(false);
                pieces.Add(piece);
            }
            var spoken = pieces[0];
            if (pieces.Count > 1)
            {
                spoken = Path.Combine(context.WorkDirectory, $".chatterbox-{Guid.NewGuid():N}.wav");
                WavConcatenator.Join(pieces, spoken);
                pieces.Add(spoken);
            }
            await ChatterboxRate.ApplyAsync(media, spoken, request.RateFactor ?? 1, request.OutputPath, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var piece in pieces.Where(File.Exists)) File.Delete(piece);
        }
    }

    public async Task<string> CloneAsync(string name, IReadOnlyList<string> samples, ConsentRecord consent, CancellationToken cancellationToken)
    {
        var api = Api(Options);
        var scratch = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"dubagent-chatterbox-{Guid.NewGuid():N}")).FullName;
        try
        {
            var (clip, _) = await ChatterboxReferenceClip.JoinAsync(media, samples, scratch, cancellationToken).ConfigureAwait(false);
            var taken = (await api.ListVoicesAsync(cancellationToken).ConfigureAwait(false)).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
            for (var attempt = 1; attempt <= CloneAttempts; attempt++)
            {
                var id = ChatterboxVoiceNames.ForClone(name, consent, attempt);
                if (taken.Contains(id)) continue;
                if (!await UploadCloneAsync(api, id, clip, cancellationToken).ConfigureAwait(false)
                    && !await IsThisCloneAsync(api, id, clip, cancellationToken).ConfigureAwait(false)) continue;
                _voices.Forget();
                return id;
            }
            throw new EngineFailedException(Name, $"the server's voice library already has voices named {ChatterboxVoiceNames.ForClone(name, consent)} and the next {CloneAttempts - 1} names",
                "DubAgent never overwrites a voice on the server: remove the old ones there (DELETE /v1/voices/NAME), then create the voice again.");
        }
        finally
        {
            try { Directory.Delete(scratch, recursive: true); } catch (IOException) { }
        }
    }

    // The name was free before: when the answer is lost (a dropped connection, a timeout, a cancel) the server may still
    // have made the voice, and no clone may stay there without its consent record, so it is removed again.
    private static async Task<bool> UploadCloneAsync(ChatterboxApi api, string id, string clip, CancellationToken cancellationToken)
    {
        try
        {
            return await api.TryUploadVoiceAsync(id, clip, CloneLanguage, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            try
            {
                await api.DeleteVoiceAsync(id, missingIsFine: true, CancellationToken.None).ConfigureAwait(false);
            }
            catch (EngineFailedException)
            {
                // The server is gone or refuses: the first failure is the one to report.
            }
            throw;
        }
    }

    // A name free a moment ago and now taken by the same file is this clone: HTTP clients send a request again when a
    // connection drops before the answer, so the first upload may have been made and the second refused.
    private static async Task<bool> IsThisCloneAsync(ChatterboxApi api, string id, string clip, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(MD5.HashData(await File.ReadAllBytesAsync(clip, cancellationToken).ConfigureAwait(false)));
        var voices = await api.ListVoicesAsync(cancellationToken).ConfigureAwait(false);
        return voices.Any(v => v.Name == id && string.Equals(v.FileHash, hash, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Removes the clone and the language copies made from it.</summary>
    public async Task DeleteClonedVoiceAsync(string voiceId, CancellationToken cancellationToken)
    {
        var api = Api(Options);
        try
        {
            foreach (var copy in (await api.ListVoicesAsync(cancellationToken).ConfigureAwait(false)).Where(v => ChatterboxVoiceNames.IsLanguageCopyOf(v.Name, voiceId)))
                await api.DeleteVoiceAsync(copy.Name, missingIsFine: true, cancellationToken).ConfigureAwait(false);
            await api.DeleteVoiceAsync(voiceId, missingIsFine: false, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _voices.Forget();
        }
    }

    private async Task<IReadOnlyList<ChatterboxVoice>> RefreshAsync(CancellationToken cancellationToken)
    {
        _voices.Forget();
        await ListVoicesAsync(cancellationToken).ConfigureAwait(false);
        return _server;
    }

    private ChatterboxApi Api(ChatterboxOptions options) => new(Http, options, Name);
}
