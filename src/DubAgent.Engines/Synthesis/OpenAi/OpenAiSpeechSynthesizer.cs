using System.ClientModel;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;
using Microsoft.Extensions.Configuration;
using OpenAI;
using OpenAI.Audio;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// Any OpenAI-compatible /audio/speech endpoint (OpenAI, or local Kokoro / Piper servers that speak the same API)
/// through the official OpenAI SDK: `AudioClient.GenerateSpeechAsync` with response_format wav. Texts over the API's
/// 4,096-character limit are spoken in parts and joined.
/// </summary>
public sealed class OpenAiSpeechSynthesizer(IConfiguration configuration, IMediaToolkit media) : ISynthesizer, ISynthesisFingerprint
{
    /// <summary>The API reference's limit on `input` is 4,096 characters; stay under it.</summary>
    private const int MaxInputChars = 4000;

    private OpenAiSpeechSettings Settings => OpenAiSpeechSettings.From(configuration);

    public string Name => "openai";

    public string Capability => Capabilities.Synthesize;

    public string Description =>
        "Natural neural voices through any OpenAI-compatible /audio/speech endpoint: OpenAI (needs an API key), or a local Kokoro or Piper server (set OpenAI:Speech:BaseUrl). Many languages; remote calls run a few at a time.";

    public int MaxConcurrency => Settings.MaxConcurrency;

    public string SettingsFingerprint => $"{Settings.BaseUrl}|{Settings.Model}";

    public Task<EngineStatus> CheckAsync(CancellationToken cancellationToken)
    {
        var settings = Settings;
        if (settings.IsOpenAi && settings.ApiKey is null)
            return Task.FromResult(EngineStatus.Missing("no API key for api.openai.com",
                "export OPENAI_API_KEY=sk-... (or DUBAGENT_OPENAI__APIKEY), or point DUBAGENT_OPENAI__SPEECH__BASEURL at a local OpenAI-compatible speech server"));
        return Task.FromResult(EngineStatus.Ready(settings.Model, $"{settings.BaseUrl}, model {settings.Model}"));
    }

    public Task<IReadOnlyList<VoiceInfo>> ListVoicesAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Settings.Voices ?? OpenAiVoices.All);

    public async Task SynthesizeAsync(SpeechRequest request, EngineContext context)
    {
        var settings = Settings;
        var client = new AudioClient(settings.Model, new ApiKeyCredential(settings.ApiKey ?? "no-key"),
            new OpenAIClientOptions { Endpoint = new Uri(settings.BaseUrl), NetworkTimeout = TimeSpan.FromMinutes(3) });
        var options = new SpeechGenerationOptions { ResponseFormat = GeneratedSpeechFormat.Wav };
        var parts = TextChunker.Split(request.Text, MaxInputChars);
        var pieces = new List<string>();
        try
        {
            for (var i = 0; i < parts.Count; i++)
            {
                var piece = parts.Count == 1 ? request.OutputPath : Path.Combine(context.WorkDirectory, $".openai-{Guid.NewGuid():N}-{i}.wav");
                var audio = await GenerateAsync(client, parts[i], request.Voice, options, settings, context.CancellationToken).ConfigureAwait(false);
                await WriteWavAsync(audio, piece, context).ConfigureAwait(false);
                pieces.Add(piece);
            }
            if (parts.Count > 1) WavConcatenator.Join(pieces, request.OutputPath);
        }
        finally
        {
            if (parts.Count > 1)
                foreach (var piece in pieces.Where(File.Exists)) File.Delete(piece);
        }
    }

    private async Task<BinaryData> GenerateAsync(AudioClient client, string text, string voice, SpeechGenerationOptions options,
        OpenAiSpeechSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            ClientResult<BinaryData> result = await client.GenerateSpeechAsync(text, new GeneratedSpeechVoice(voice), options, cancellationToken)
                .ConfigureAwait(false);
            return result.Value;
        }
        catch (ClientResultException e)
        {
            var hint = e.Status switch
            {
                401 or 403 => "Check the API key (OPENAI_API_KEY or OpenAI:ApiKey).",
                404 => $"Check the base URL ({settings.BaseUrl}) and the model ({settings.Model}).",
                429 => "The endpoint is rate-limiting: lower OpenAI:Speech:MaxConcurrency or try later.",
                400 => $"The endpoint refused the request: check the voice '{voice}' and the model '{settings.Model}'.",
                _ => "The endpoint failed; try again or check its logs.",
            };
            throw new EngineFailedException(Name, $"{settings.BaseUrl}/audio/speech answered {e.Status}: {e.Message}", hint);
        }
        catch (HttpRequestException e)
        {
            throw new EngineFailedException(Name, $"cannot reach {settings.BaseUrl}: {e.Message}", "Check the base URL and that the server is running.");
        }
    }

    /// <summary>Stores the body as a WAV; a server that ignored response_format (mp3, ...) is converted with ffmpeg.</summary>
    private async Task WriteWavAsync(BinaryData audio, string path, EngineContext context)
    {
        var bytes = audio.ToMemory();
        if (bytes.Length == 0) throw new EngineFailedException(Name, "the endpoint returned an empty audio body");
        if (bytes.Length >= 12 && bytes.Span[..4].SequenceEqual("RIFF"u8))
        {
            await AtomicFile.WriteAsync(path, t => File.WriteAllBytesAsync(t, bytes, context.CancellationToken)).ConfigureAwait(false);
            return;
        }
        var raw = Path.Combine(context.WorkDirectory, $".openai-{Guid.NewGuid():N}.audio");
        try
        {
            await File.WriteAllBytesAsync(raw, bytes, context.CancellationToken).ConfigureAwait(false);
            await media.ExtractAudioAsync(raw, path, null, null, SampleEncoding.Pcm16, null, context.CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (File.Exists(raw)) File.Delete(raw);
        }
    }
}
