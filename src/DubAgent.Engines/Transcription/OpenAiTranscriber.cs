using System.ClientModel;
using System.ClientModel.Primitives;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Dsp;
using DubAgent.Engines.SpeechDetection;
using Microsoft.Extensions.Configuration;
using OpenAI;
using OpenAI.Audio;

namespace DubAgent.Engines.Transcription;

/// <summary>
/// The `openai` engine: any OpenAI-compatible POST /audio/transcriptions (OpenAI's whisper-1 and gpt-4o-transcribe,
/// local Whisper servers) through the official OpenAI .NET SDK, asking for verbose_json with segment and word
/// timestamps. Inputs over the upload limit go up in pieces cut in pauses; times are stitched by each piece's offset.
/// 429 and 5xx answers are retried with exponential backoff (honouring Retry-After) by the SDK's retry policy.
/// </summary>
public sealed class OpenAiTranscriber(IMediaToolkit media, IConfiguration configuration, SpeechRegionFinder speech) : ITranscriber
{
    private const string KeyHint =
        "set DUBAGENT_OPENAI__TRANSCRIPTION__APIKEY (or OPENAI_API_KEY); for a local Whisper server set DUBAGENT_OPENAI__TRANSCRIPTION__BASEURL to its /v1 address";

    /// <summary>16 kHz mono 16-bit WAV: 32 000 bytes per second, plus a header.</summary>
    private const double WavBytesPerSecond = 32_000;

    public string Name => "openai";

    public string Capability => Capabilities.Transcribe;

    public string Description =>
        "Any OpenAI-compatible /audio/transcriptions endpoint (OpenAI whisper-1 / gpt-4o-transcribe, local Whisper servers): best accuracy, ~100 languages, needs an endpoint.";

    public IReadOnlyList<string> Languages => WhisperLanguages.All;

    public Task<EngineStatus> CheckAsync(CancellationToken cancellationToken)
    {
        var settings = OpenAiTranscriptionSettings.From(configuration);
        if (settings.ApiKey is null && settings.IsOpenAi)
            return Task.FromResult(EngineStatus.Missing("no API key is configured for the OpenAI endpoint", KeyHint));
        return Task.FromResult(EngineStatus.Ready($"{settings.Model}@{new Uri(settings.BaseUrl).Host}", settings.BaseUrl));
    }

    public async Task<Transcript> TranscribeAsync(TranscriptionRequest request, EngineContext context)
    {
        var settings = OpenAiTranscriptionSettings.From(configuration);
        if (settings.ApiKey is null && settings.IsOpenAi)
            throw new EngineUnavailableException(Name, Capability, "no API key is configured for the OpenAI endpoint", KeyHint);
        var language = request.Language ?? settings.Language;
        var (wav, duration) = await Mono16kExtractor.PrepareAsync(media, request.AudioPath, context.WorkDirectory, context.Progress, context.CancellationToken)
            .ConfigureAwait(false);
        var chunks = await ChunksAsync(wav, duration, settings, context).ConfigureAwait(false);

        var client = new AudioClient(settings.Model, new ApiKeyCredential(settings.ApiKey ?? "no-key"), new OpenAIClientOptions
        {
            Endpoint = new Uri(settings.BaseUrl),
            RetryPolicy = new ClientRetryPolicy(settings.MaxRetries),
            NetworkTimeout = TimeSpan.FromMinutes(10),
        });
        var options = new AudioTranscriptionOptions { Language = language };
        if (settings.GivesTimestamps)
        {
            options.ResponseFormat = AudioTranscriptionFormat.Verbose;
            options.TimestampGranularities = AudioTimestampGranularities.Segment | AudioTimestampGranularities.Word;
        }
        else
        {
            options.ResponseFormat = AudioTranscriptionFormat.Simple;
        }

        var segments = new List<TranscriptSegment>();
        string? detected = null;
        for (var i = 0; i < chunks.Count; i++)
        {
            context.Progress.Report(ProgressUpdate.Of(i, chunks.Count, $"transcribing piece {i + 1}/{chunks.Count}"));
            var chunk = chunks[i];
            AudioTranscription answer;
            await using (var stream = File.OpenRead(chunk.Path))
            {
                try
                {
                    answer = (await client.TranscribeAudioAsync(stream, Path.GetFileName(chunk.Path), options, context.CancellationToken).ConfigureAwait(false)).Value;
                }
                catch (ClientResultException e)
                {
                    throw Explain(e, settings);
                }
                catch (HttpRequestException e)
                {
                    throw new EngineFailedException(Name, $"cannot reach {settings.BaseUrl}: {e.Message}", "check the BaseUrl setting and that the server is running");
                }
            }
            detected ??= answer.Language;
            segments.AddRange(OpenAiTranscriptionMapper.Segments(answer, chunk.Offset, chunk.Duration));
        }
        context.Progress.Report(new ProgressUpdate(1, "transcribed"));
        return new Transcript
        {
            Language = language ?? OpenAiTranscriptionMapper.LanguageCode(detected) ?? "und",
            TotalDuration = duration,
            Segments = segments,
        };
    }

    private async Task<IReadOnlyList<AudioChunk>> ChunksAsync(string wav, double duration, OpenAiTranscriptionSettings settings, EngineContext context)
    {
        // Without timestamps a piece becomes one segment, so pieces stay sentence-sized.
        var maxSeconds = settings.GivesTimestamps ? (settings.MaxUploadBytes - 4096) / WavBytesPerSecond : 30;
        if (duration <= maxSeconds && settings.GivesTimestamps) return [new AudioChunk(wav, 0, duration)];
        var regions = await speech.FindAsync(wav, context).ConfigureAwait(false);
        if (regions.Count == 0) return [];
        return SilenceChunker.Write(media, wav, SilenceChunker.Plan(regions, duration, maxSeconds),
            Path.Combine(context.WorkDirectory, "upload-chunks"), context.CancellationToken);
    }

    private EngineFailedException Explain(ClientResultException e, OpenAiTranscriptionSettings settings) => e.Status switch
    {
        401 or 403 => new EngineFailedException(Name, $"the endpoint {settings.BaseUrl} refused the API key (HTTP {e.Status})", KeyHint, inner: e),
        404 => new EngineFailedException(Name, $"{settings.BaseUrl}/audio/transcriptions or model '{settings.Model}' was not found (HTTP 404)",
            "check BaseUrl (it usually ends in /v1) and the Model setting", inner: e),
        413 => new EngineFailedException(Name, $"the endpoint says the upload is too large (HTTP 413)",
            "lower DUBAGENT_OPENAI__TRANSCRIPTION__MAXUPLOADBYTES to the server's limit", inner: e),
        429 => new EngineFailedException(Name, $"the endpoint is rate limiting (HTTP 429) and still was after {settings.MaxRetries} retries with backoff",
            "wait a minute and run again, or raise your rate limit / MaxRetries", inner: e),
        >= 500 => new EngineFailedException(Name, $"the endpoint failed with HTTP {e.Status} after {settings.MaxRetries} retries",
            "the server has a problem; try again later or use another engine (whisper-cpp, pocketsphinx)", inner: e),
        _ => new EngineFailedException(Name, $"the endpoint answered HTTP {e.Status}: {FirstLine(e.Message)}", "check the request settings (model, language)", inner: e),
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
