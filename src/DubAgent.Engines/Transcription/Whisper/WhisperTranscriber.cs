using System.Collections.Concurrent;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Models;
using DubAgent.Core.Models;
using DubAgent.Engines.SpeechDetection;
using Microsoft.Extensions.Configuration;
using Whisper.net;

namespace DubAgent.Engines.Transcription.Whisper;

/// <summary>
/// The `whisper` engine: Whisper in process through Whisper.net, on a ggml model from the model store. The speech
/// regions (SpeechRegionFinder) are packed into chunks of at most 28 s of speech; the language is detected on the first
/// chunk and checked against the declared one (LanguageGuard); the chunks go to Whisper in parallel, one processor per
/// worker, as far as cores and memory allow (WhisperWorkerPlan). Token times give word timings, token probabilities the
/// confidence; what Whisper invents over non-speech is dropped (HallucinationFilter) and the rest cut into subtitle-sized
/// lines (SubtitleSegmenter). Its availability check only looks in the store: it never downloads, so a recipe without the
/// model falls back at once. Settings: see <see cref="WhisperSettings"/>.
/// </summary>
public sealed class WhisperTranscriber(IModelStore store, IMediaToolkit media, IConfiguration configuration, SpeechRegionFinder speech) : ITranscriber
{
    public const string EngineName = "whisper";

    private static readonly string RuntimeVersion = typeof(WhisperFactory).Assembly.GetName().Version?.ToString(3) ?? "unknown";

    public string Name => EngineName;

    public string Capability => Capabilities.Transcribe;

    public string Description =>
        "Whisper in process (Whisper.net, ggml models from `dubagent models`): good accuracy in ~100 languages offline on CPU, word times, detects and checks the spoken language.";

    public IReadOnlyList<string> Languages => WhisperLanguages.All;

    public Task<EngineStatus> CheckAsync(CancellationToken cancellationToken)
    {
        var configured = WhisperSettings.From(configuration).Model;
        if (configured is not null && WhisperModelChoice.IsPath(configured))
            return Task.FromResult(File.Exists(configured)
                ? EngineStatus.Ready($"whisper.net-{RuntimeVersion}/{Path.GetFileNameWithoutExtension(configured)}", configured)
                : EngineStatus.Missing($"the model file '{configured}' (Whisper:Model) does not exist", PathHint));
        string[] wanted = configured is null ? [WhisperModelChoice.DefaultId, WhisperModelChoice.DefaultEnglishId] : [WhisperModelChoice.CatalogId(configured)];
        if (store.Entry(wanted[0]) is not { } entry)
            return Task.FromResult(EngineStatus.Missing($"Whisper:Model '{configured}' is not a model of the catalog",
                "set Whisper:Model to a name from `dubagent models list` (base, small.en, large-v3-turbo-q5_0...) or to a ggml file"));
        var present = wanted.Where(id => store.Find(id) is not null).ToList();
        if (present.Count == 0)
            return Task.FromResult(EngineStatus.Missing($"model {entry.Id} is not in the store",
                $"`dubagent models pull {entry.Id}` ({ModelUnavailable.Megabytes(entry.Size)}) or `dubagent models add FILE`"));
        return Task.FromResult(EngineStatus.Ready($"whisper.net-{RuntimeVersion}/{string.Join("+", present.Select(Short))}",
            string.Join(", ", present.Select(id => store.Find(id)))));
    }

    public async Task<Transcript> TranscribeAsync(TranscriptionRequest request, EngineContext context)
    {
        var settings = WhisperSettings.From(configuration);
        var cancellationToken = context.CancellationToken;
        var model = await ModelAsync(settings, request, context).ConfigureAwait(false);
        if (model.EnglishOnly && request.Language is { } asked && !asked.Equals("en", StringComparison.OrdinalIgnoreCase))
            throw new InputException($"The whisper model {model.Name} understands English only, not '{asked}'.",
                "Set Whisper:Model to a multilingual model (base, small, large-v3-turbo...) or leave it unset.");

        var (wav, duration) = await Mono16kExtractor.PrepareAsync(media, request.AudioPath, context.WorkDirectory, context.Progress, cancellationToken)
            .ConfigureAwait(false);
        var regions = await speech.FindAsync(wav, context).ConfigureAwait(false);
        var chunks = SpeechChunkPlanner.Plan(regions, duration);
        var transcript = new Transcript { Language = request.Language ?? (model.EnglishOnly ? "en" : "und"), TotalDuration = duration };
        if (chunks.Count == 0) return transcript with { LanguageCheck = new LanguageCheck(false, Note: "no speech was found, so no language was heard") };

        using var factory = Load(model);
        var first = ChunkAudio.Read(media, wav, chunks[0]);
        var (language, check) = model.EnglishOnly
            ? ("en", new LanguageCheck(false, Note: $"the English-only model {model.Name} cannot tell languages apart"))
            : Detect(factory, first, request, settings);
        cancellationToken.ThrowIfCancellationRequested();

        var plan = WhisperWorkerPlan.For(new FileInfo(model.Path).Length, chunks.Count, Environment.ProcessorCount,
            GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, settings.Workers, settings.Threads);
        var decoded = await DecodeAsync(factory, language, plan, wav, chunks, first, context).ConfigureAwait(false);

        var segmenter = new SubtitleSegmenter(settings.MaxSegmentSeconds, settings.PauseSeconds);
        var lines = HallucinationFilter.OverSilence(HallucinationFilter.Decoded(decoded).SelectMany(segmenter.Split), regions);
        context.Progress.Report(new ProgressUpdate(1, "whisper done"));
        return transcript with { Language = language, Segments = lines.OrderBy(s => s.Start).ToList(), LanguageCheck = check };
    }

    private (string Language, LanguageCheck Check) Detect(WhisperFactory factory, float[] firstSpeech, TranscriptionRequest request, WhisperSettings settings)
    {
        using var detector = factory.CreateBuilder().WithLanguage("auto").WithThreads(Math.Max(1, Environment.ProcessorCount)).Build();
        var (detected, probability) = Guard(() => detector.DetectLanguageWithProbability(firstSpeech));
        if (string.IsNullOrEmpty(detected) || detected == "auto")
            return (request.Language ?? "und", new LanguageCheck(false, Note: "whisper could not tell the language of the first speech"));
        var check = LanguageGuard.Check(request.AudioPath, request.Language, detected, probability, settings.LanguageGuard);
        return (request.Language ?? detected, check);
    }

    /// <summary>The chunks through <see cref="WhisperWorkerPlan.Workers"/> processors at once, each processor used by one chunk at a time.</summary>
    private async Task<List<DecodedSegment>> DecodeAsync(WhisperFactory factory, string language, WhisperWorkerPlan plan, string wav,
        IReadOnlyList<SpeechChunk> chunks, float[] first, EngineContext context)
    {
        var results = new IReadOnlyList<DecodedSegment>[chunks.Count];
        var processors = new ConcurrentBag<WhisperProcessor>();
        try
        {
            for (var i = 0; i < plan.Workers; i++)
                processors.Add(Guard(() => factory.CreateBuilder().WithLanguage(language).WithThreads(plan.ThreadsEach)
                    .WithTokenTimestamps().WithProbabilities().WithNoContext().Build()));
            var done = 0;
            context.Progress.Report(ProgressUpdate.Of(0, chunks.Count, $"whisper: {chunks.Count} piece(s) of speech, {plan.Workers} worker(s)"));
            var options = new ParallelOptions { MaxDegreeOfParallelism = plan.Workers, CancellationToken = context.CancellationToken };
            await Parallel.ForEachAsync(Enumerable.Range(0, chunks.Count), options, async (i, token) =>
            {
                if (!processors.TryTake(out var processor)) throw new InvalidOperationException("more workers than processors");
                try
                {
                    var samples = i == 0 ? first : ChunkAudio.Read(media, wav, chunks[i]);
                    results[i] = await WhisperChunkDecoder.DecodeAsync(processor, samples, chunks[i], token).ConfigureAwait(false);
                }
                catch (WhisperProcessingException e)
                {
                    throw new EngineFailedException(Name, FormattableString.Invariant($"Whisper failed on the speech at {chunks[i].SourceStart:0.0} s (code {e.ErrorCode})"),
                        "run `dubagent models verify`; a damaged model decodes badly", inner: e);
                }
                finally
                {
                    processors.Add(processor);
                }
                var count = Interlocked.Increment(ref done);
                context.Progress.Report(ProgressUpdate.Of(count, chunks.Count, $"whisper: speech piece {count}/{chunks.Count}"));
            }).ConfigureAwait(false);
        }
        finally
        {
            foreach (var processor in processors) await processor.DisposeAsync().ConfigureAwait(false);
        }
        return results.SelectMany(r => r).ToList();
    }

    private async Task<WhisperModel> ModelAsync(WhisperSettings settings, TranscriptionRequest request, EngineContext context)
    {
        var configured = request.Options?.GetValueOrDefault("model") is { Length: > 0 } option ? option : settings.Model;
        if (configured is not null && WhisperModelChoice.IsPath(configured))
        {
            if (!File.Exists(configured))
                throw new EngineUnavailableException(Name, Capability, $"the model file '{configured}' (Whisper:Model) does not exist", PathHint);
            return new WhisperModel(configured, Path.GetFileNameWithoutExtension(configured), WhisperModelChoice.IsEnglishOnly(configured), null);
        }
        var candidates = WhisperModelChoice.Candidates(configured, request.Language);
        foreach (var id in candidates)
            if (store.Find(id) is { } found) return new WhisperModel(found, Short(id), WhisperModelChoice.IsEnglishOnly(id), id);
        // Not here: the store downloads it when Models:AutoDownload allows, or says how to get it.
        var wanted = candidates.FirstOrDefault(id => store.Entry(id) is not null) ?? candidates[0];
        var path = await store.RequireAsync(wanted, context.Progress, context.CancellationToken).ConfigureAwait(false);
        return new WhisperModel(path, Short(wanted), WhisperModelChoice.IsEnglishOnly(wanted), wanted);
    }

    private WhisperFactory Load(WhisperModel model)
    {
        // whisper.cpp trusts the file: one cut short in its header aborts the process, so its layout is checked first.
        if (GgmlModelFile.Problem(model.Path) is { } problem) throw Damaged(model, problem);
        WhisperFactory? factory = null;
        try
        {
            factory = WhisperFactory.FromPath(model.Path, new WhisperFactoryOptions { UseGpu = false });
            factory.CreateBuilder(); // loads the weights now, so a bad file fails here and not in the middle of a run
            return factory;
        }
        catch (WhisperModelLoadException)
        {
            factory?.Dispose();
            throw Damaged(model, "whisper.cpp refused it");
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or TypeInitializationException)
        {
            throw new EngineUnavailableException(Name, Capability, $"the Whisper.net native runtime could not be loaded ({e.Message})",
                "reinstall DubAgent; the runtimes/<platform> folder beside it must hold libwhisper");
        }
    }

    private EngineFailedException Damaged(WhisperModel model, string problem) =>
        new(Name, $"the model file '{model.Path}' could not be loaded: {problem} (damaged, or not a ggml Whisper model)",
            model.StoreId is { } id
                ? $"run `dubagent models verify`, then `dubagent models remove {id}` and `dubagent models pull {id}`"
                : "point Whisper:Model at a ggml Whisper model (whisper.cpp format), or leave it unset to use the model store");

    /// <summary>Whisper.net's own failures (a processor that cannot be built) become engine failures with one clear line.</summary>
    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (WhisperProcessingException e)
        {
            throw new EngineFailedException(Name, $"Whisper failed (code {e.ErrorCode})", "run `dubagent models verify`", inner: e);
        }
    }

    private const string PathHint = "point Whisper:Model at a ggml model file, or leave it unset and run `dubagent models pull whisper-base`";

    private static string Short(string id) => id.StartsWith("whisper-", StringComparison.Ordinal) ? id["whisper-".Length..] : id;

    /// <param name="StoreId">The catalog id when the file came from the store (for the repair hint).</param>
    private sealed record WhisperModel(string Path, string Name, bool EnglishOnly, string? StoreId);
}
