using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Media;
using DubAgent.Engines.Languages;
using DubAgent.Engines.Synthesis.Speakable;

namespace DubAgent.Engines.Synthesis;

using Translation = DubAgent.Abstractions.Domain.Translation;

/// <summary>
/// The `synthesize` tool: one clip per translated line in the speaker's voice, fitted to the line's slot, assembled
/// into one dialogue track exactly as long as the source, plus placements.json.
/// </summary>
public sealed class SynthesizeTool(IEngineRegistry engines, IMediaToolkit media, Ffmpeg ffmpeg, LanguageReach reach, SpeakerCasting casting)
    : Tool<SynthesizeArguments, SynthesizeResult>, IPreflightTool
{
    public const string VoiceFile = "voice.wav";
    public const string PlacementsFile = "placements.json";

    /// <summary>Lines longer than this are flagged: they rarely fit a slot.</summary>
    private const int LongTextChars = 1000;

    public override string Name => "synthesize";

    public override string? Capability => Capabilities.Synthesize;

    public override string Description =>
        "Speaks every line of translation.json in a voice per speaker and fits each clip to the original line's time slot: " +
        "a clip that is too long first uses the silence after its slot, then is sped up without changing pitch (up to max_stretch, default 1.25); " +
        "what still does not fit is kept and reported as overflow. Writes voice.wav (the whole dubbed dialogue track, exactly as long as the source) " +
        "and placements.json (per segment: voice, slot, clip length, stretch ratio, overflow, flags). Speakers are cast automatically " +
        "(distinct voices, matched to the original pitch when `audio` is given) unless `voices` names them. Clips are cached, so after editing one " +
        "line only that line is synthesized again. Usually followed by mix.";

    public override async Task<SynthesizeResult> InvokeAsync(SynthesizeArguments arguments, ToolContext context)
    {
        var clock = Stopwatch.StartNew();
        var token = context.CancellationToken;
        CheckArguments(arguments);
        var translationPath = context.Paths.CheckRead(InputFiles.RequireFile(arguments.Translation, "translation"), "translation");
        var translation = TranslationInput.Load(translationPath);
        var language = arguments.Language ?? translation.TargetLanguage;
        if (string.IsNullOrWhiteSpace(language))
            throw new InputException($"'{arguments.Translation}' names no target_language.", "Pass `language` (ISO 639-1, e.g. es).");
        var total = await TotalDurationAsync(arguments, translation, context).ConfigureAwait(false);

        var (engine, status) = await engines.ResolveAsync<ISynthesizer>(Capabilities.Synthesize, arguments.Engine, token).ConfigureAwait(false);
        // A language no voice here speaks is refused (exit code 2) before any clip is made.
        await reach.RequireSpeechAsync(language, engine.Name, token).ConfigureAwait(false);
        context.Report.Engine = engine.Name;
        context.Report.EngineVersion = status.Version;
        context.Report.MediaSeconds = total;

        var cast = await casting.CastAsync(arguments, translation, engine, language, context).ConfigureAwait(false);
        var castOf = cast.ToDictionary(c => c.Speaker, StringComparer.Ordinal);
        var cache = ClipCache.ForJob(context.JobDirectory);
        var fingerprint = (engine as ISynthesisFingerprint)?.SettingsFingerprint;
        var lines = translation.Segments.Select(segment =>
        {
            var entry = castOf[SpeakerKey(segment)];
            var options = entry.SpeechOptions();
            var clean = SpeakableText.Clean(SpeechNormalizer.Normalize(segment.TargetText, language));
            // The rate and pitch change the clip, so they are part of its cache key.
            var voiceKey = options is null ? entry.Voice : $"{entry.Voice}|{string.Join('|', options.Select(o => $"{o.Key}={o.Value}"))}";
            var key = ClipCache.Key(engine.Name, status.Version, fingerprint, voiceKey, language, clean.Text);
            return new Line(segment, entry.Voice, clean, key, cache.PathFor(key), options);
        }).ToList();

        var synthesized = await SynthesizeAllAsync(engine, lines, language, arguments.Concurrency, context).ConfigureAwait(false);
        var bounds = MeasureAll(engine, lines, token);

        var fitter = new TimingFitter(arguments.MaxStretch);
        var decisions = fitter.Fit(lines.Select(l => new FitSlot(l.Segment.Id, l.Segment.Start, l.Segment.End, bounds[l.Segment.Id].Seconds)).ToList(), total)
            .ToDictionary(d => d.Id);
        var clips = await RenderAllAsync(lines, bounds, decisions, arguments.SampleRate, total, context).ConfigureAwait(false);

        var voicePath = Path.Combine(context.WorkDirectory, VoiceFile);
        var totalFrames = (long)Math.Round(total * arguments.SampleRate);
        await Task.Run(() => TrackAssembler.Write(voicePath, arguments.SampleRate, totalFrames, clips,
            new Progress<ProgressUpdate>(p => context.Progress.Report(new ProgressUpdate(0.85 + 0.15 * (p.Fraction ?? 0), p.Message))), token), token)
            .ConfigureAwait(false);

        var placements = lines.Select(l => ToPlacement(l, decisions[l.Segment.Id], synthesized.Contains(l.Key))).ToList();
        var document = Document(engine.Name, status.Version, language, total, arguments, cast, placements, synthesized.Count);
        var placementsPath = Path.Combine(context.WorkDirectory, PlacementsFile);
        AtomicFile.WriteAllText(placementsPath, JsonSerializer.Serialize(document, DubAgentJson.Options));
        context.Progress.Report(new ProgressUpdate(1, "dialogue track written"));

        Record(context, document, clock.Elapsed.TotalSeconds);
        return new SynthesizeResult
        {
            VoicePath = voicePath,
            PlacementsPath = placementsPath,
            Engine = engine.Name,
            DurationSeconds = total,
            Segments = placements.Count,
            Synthesized = document.Summary.Synthesized,
            FromCache = document.Summary.FromCache,
            SilentSegments = document.Summary.Silent,
            PlacedWithoutOverflow = document.Summary.PlacedWithoutOverflow,
            OverflowSegments = document.Summary.Overflow,
            MaxStretchRatio = document.Summary.MaxStretchRatio,
            MaxOverflowMs = document.Summary.MaxOverflowMs,
            Cast = cast.ToDictionary(c => c.Speaker, c => c.Voice),
            Attention = placements.Where(NeedsLook).Take(8)
                .Select(p => $"{p.Id} [{string.Join(',', p.Flags)}] {Preview(p.Text)}").ToList(),
        };
    }

    /// <summary>
    /// Before a run: a `language` given must be spoken by the named engine (or by one that can run here), and a named
    /// engine and the voices cast must exist here. The language usually comes from the translation, unknown until then.
    /// </summary>
    public async Task PreflightAsync(JsonObject arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        var named = PreflightArguments.Text(arguments, "engine");
        var voices = PreflightArguments.Map(arguments, "voices");
        if (PreflightArguments.Text(arguments, "language") is { } language)
            await reach.RequireSpeechAsync(language, named, cancellationToken).ConfigureAwait(false);
        if (named is null && voices is not { Count: > 0 }) return;
        var (engine, _) = await engines.ResolveAsync<ISynthesizer>(Capabilities.Synthesize, named, cancellationToken).ConfigureAwait(false);
        if (voices is not { Count: > 0 }) return;
        var known = await engine.ListVoicesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (speaker, voice) in voices) VoiceCaster.Requested(engine.Name, known, speaker, voice);
    }

    /// <summary>The speaker a segment is cast under (lines without a speaker share one voice).</summary>
    public static string SpeakerKey(TranslatedSegment segment) => string.IsNullOrWhiteSpace(segment.Speaker) ? "SPEAKER_00" : segment.Speaker;

    private sealed record Line(TranslatedSegment Segment, string Voice, SpeakableText.Result Text, string Key, string RawPath,
        IReadOnlyDictionary<string, string>? Options)
    {
        public bool Speakable => Text.IsSpeakable;
    }

    private static void CheckArguments(SynthesizeArguments arguments)
    {
        if (!double.IsFinite(arguments.MaxStretch) || arguments.MaxStretch < 1.0 || arguments.MaxStretch > 4.0)
            throw new InputException($"max_stretch {arguments.MaxStretch} is out of range.", "Use a value from 1.0 (never compress) to 4.0; 1.25 is the default.");
        if (arguments.Concurrency is < 1)
            throw new InputException($"concurrency {arguments.Concurrency} must be at least 1.", "Omit it to use the number of CPU cores.");
        if (arguments.SampleRate is < 8000 or > 192000)
            throw new InputException($"sample_rate {arguments.SampleRate} is out of range.", "Use 8000 to 192000 Hz; 48000 is the default.");
        if (arguments.Duration is { } d && (!double.IsFinite(d) || d <= 0))
            throw new InputException($"duration {d} must be a positive number of seconds.", "Omit it to use the translation's total_duration.");
    }

    private async Task<double> TotalDurationAsync(SynthesizeArguments arguments, Translation translation, ToolContext context)
    {
        if (arguments.Duration is { } duration) return duration;
        if (!string.IsNullOrWhiteSpace(arguments.Reference))
        {
            var reference = context.Paths.CheckRead(InputFiles.RequireFile(arguments.Reference, "reference"), "reference");
            var info = await media.ProbeAsync(reference, context.CancellationToken).ConfigureAwait(false);
            var seconds = info.FirstAudio?.Duration ?? info.Duration;
            if (seconds > 0) return seconds;
            throw new InputException($"The reference '{arguments.Reference}' has no duration.", "Pass `duration` in seconds instead.");
        }
        if (translation.TotalDuration > 0) return translation.TotalDuration;
        throw new InputException($"'{arguments.Translation}' has no total_duration, so the track's length is unknown.",
            "Pass `duration` (seconds) or `reference` (the source media) so voice.wav matches the source exactly.");
    }

    /// <summary>Synthesizes every clip not in the cache, in parallel; returns the keys synthesized now.</summary>
    private static async Task<HashSet<string>> SynthesizeAllAsync(ISynthesizer engine, List<Line> lines, string language, int? concurrency,
        ToolContext context)
    {
        var todo = lines.Where(l => l.Speakable && !ClipCache.Has(l.RawPath)).DistinctBy(l => l.Key).ToList();
        var done = new HashSet<string>();
        // Local engines default to the core count (their MaxConcurrency); remote ones to their own limit, which a caller may lower.
        var engineLimit = Math.Max(1, engine.MaxConcurrency);
        var limit = Math.Min(concurrency ?? engineLimit, engineLimit);
        var scratch = Path.Combine(context.WorkDirectory, ".synthesis");
        Directory.CreateDirectory(scratch);
        var finished = 0;
        await Parallel.ForEachAsync(todo, new ParallelOptions { MaxDegreeOfParallelism = limit, CancellationToken = context.CancellationToken },
            async (line, _) =>
            {
                try
                {
                    await engine.SynthesizeAsync(new SpeechRequest(line.Text.Text, language, line.Voice, line.RawPath, line.Options), context.ForEngine(scratch))
                        .ConfigureAwait(false);
                }
                catch (EngineFailedException e)
                {
                    throw new EngineFailedException(engine.Name, $"segment '{line.Segment.Id}' (\"{Preview(line.Text.Text)}\"): {e.Message}", e.Hint, e.StderrTail, e);
                }
                if (!File.Exists(line.RawPath))
                    throw new EngineFailedException(engine.Name, $"wrote no clip for segment '{line.Segment.Id}'.");
                lock (done) done.Add(line.Key);
                var n = Interlocked.Increment(ref finished);
                context.Progress.Report(ProgressUpdate.Of(0.6 * n, todo.Count, $"synthesized {n}/{todo.Count} clips"));
            }).ConfigureAwait(false);
        try { Directory.Delete(scratch, recursive: true); } catch (IOException) { }
        return done;
    }

    private static Dictionary<string, SpeechBounds.Bounds> MeasureAll(ISynthesizer engine, List<Line> lines, CancellationToken token)
    {
        var bounds = new Dictionary<string, SpeechBounds.Bounds>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            token.ThrowIfCancellationRequested();
            if (!line.Speakable)
            {
                bounds[line.Segment.Id] = new SpeechBounds.Bounds(0, 0, 1, 0);
                continue;
            }
            try
            {
                bounds[line.Segment.Id] = SpeechBounds.Measure(line.RawPath);
            }
            catch (MediaException e)
            {
                File.Delete(line.RawPath); // our own cache entry: a clip we cannot read must not be reused
                throw new EngineFailedException(engine.Name, $"the clip for segment '{line.Segment.Id}' is not a readable WAV: {e.Message}",
                    "Check the engine's output format (WAV is required).");
            }
        }
        return bounds;
    }

    private async Task<List<PlacedClip>> RenderAllAsync(List<Line> lines, Dictionary<string, SpeechBounds.Bounds> bounds,
        Dictionary<string, FitDecision> decisions, int sampleRate, double total, ToolContext context)
    {
        var stretcher = new ClipStretcher(ffmpeg);
        var cache = ClipCache.ForJob(context.JobDirectory);
        var clips = new List<PlacedClip>();
        var work = new List<(Line Line, string Path)>();
        foreach (var line in lines)
        {
            var b = bounds[line.Segment.Id];
            var decision = decisions[line.Segment.Id];
            if (b.EndFrame <= b.StartFrame || decision.Start >= total) continue;
            var room = Math.Max(0, total - decision.Start);
            var fitKey = ClipCache.Key(line.Key, b.StartFrame.ToString(CultureInfo.InvariantCulture), b.EndFrame.ToString(CultureInfo.InvariantCulture),
                decision.StretchRatio.ToString("0.######", CultureInfo.InvariantCulture), sampleRate.ToString(CultureInfo.InvariantCulture),
                decision.End > total ? room.ToString("0.######", CultureInfo.InvariantCulture) : "");
            var path = cache.PathFor(fitKey, "fit");
            work.Add((line, path));
            clips.Add(new PlacedClip(path, (long)Math.Round(decision.Start * sampleRate), (long)Math.Round(decision.FittedSeconds * sampleRate)));
        }
        var todo = work.Where(w => !ClipCache.Has(w.Path)).DistinctBy(w => w.Path).ToList();
        var finished = 0;
        await Parallel.ForEachAsync(todo, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = context.CancellationToken },
            async (item, token) =>
            {
                var decision = decisions[item.Line.Segment.Id];
                await stretcher.RenderAsync(item.Line.RawPath, bounds[item.Line.Segment.Id], decision.StretchRatio, sampleRate, item.Path, token,
                    decision.End > total ? Math.Max(0.01, total - decision.Start) : null).ConfigureAwait(false);
                var n = Interlocked.Increment(ref finished);
                context.Progress.Report(new ProgressUpdate(0.6 + 0.25 * n / todo.Count, $"fitted {n}/{todo.Count} clips"));
            }).ConfigureAwait(false);
        return clips;
    }

    private static Placement ToPlacement(Line line, FitDecision decision, bool synthesizedNow)
    {
        var flags = new List<string>();
        if (string.IsNullOrWhiteSpace(line.Segment.TargetText)) flags.Add(FitFlags.EmptyText);
        else if (!line.Speakable) flags.Add(FitFlags.Unspeakable);
        else if (line.Text.Removed > 0) flags.Add(FitFlags.TextCleaned);
        if (line.Speakable && decision.FittedSeconds <= 0) flags.Add(FitFlags.Silent);
        if (line.Text.Text.Length > LongTextChars) flags.Add(FitFlags.LongText);
        flags.AddRange(decision.Flags);
        return new Placement
        {
            Id = line.Segment.Id,
            Speaker = line.Segment.Speaker,
            Voice = line.Voice,
            SlotStart = line.Segment.Start,
            SlotEnd = line.Segment.End,
            Start = Round(decision.Start),
            End = Round(decision.End),
            ClipSeconds = Round(decision.FittedSeconds * decision.StretchRatio),
            FittedSeconds = Round(decision.FittedSeconds),
            StretchRatio = Math.Round(decision.StretchRatio, 4),
            OverflowSeconds = Round(decision.OverflowSeconds),
            DelaySeconds = Round(decision.DelaySeconds),
            Text = line.Segment.TargetText,
            Cached = line.Speakable && !synthesizedNow,
            Flags = flags,
        };
    }

    private static PlacementsDocument Document(string engine, string? version, string language, double total, SynthesizeArguments arguments,
        IReadOnlyList<CastEntry> cast, List<Placement> placements, int synthesized)
    {
        var overflow = placements.Count(p => p.OverflowSeconds > 0);
        var silent = placements.Count(p => p.FittedSeconds <= 0);
        return new PlacementsDocument
        {
            Engine = engine,
            EngineVersion = version,
            Language = language,
            TotalDuration = total,
            SampleRate = arguments.SampleRate,
            MaxStretch = arguments.MaxStretch,
            Cast = cast,
            Placements = placements,
            Summary = new PlacementSummary
            {
                Segments = placements.Count,
                Silent = silent,
                Overflow = overflow,
                PlacedWithoutOverflow = placements.Count == 0 ? 1 : Math.Round((double)(placements.Count - overflow) / placements.Count, 4),
                MaxStretchRatio = placements.Count == 0 ? 1 : placements.Max(p => p.StretchRatio),
                MaxOverflowMs = placements.Count == 0 ? 0 : Math.Round(placements.Max(p => p.OverflowSeconds) * 1000),
                Synthesized = synthesized,
                FromCache = placements.Count(p => p.Cached),
            },
        };
    }

    private static void Record(ToolContext context, PlacementsDocument document, double elapsedSeconds)
    {
        var notes = context.Report.Notes;
        foreach (var entry in document.Cast)
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"cast: {entry.Speaker} -> {entry.Voice} ({entry.Source}{(entry.OriginalPitchHz is { } hz ? $", original {hz:0} Hz" : "")}{(entry.Actor is { } actor ? $", actor {actor} {entry.ActorMatch}{(entry.ActorScore is { } score ? $" {score:0.###}" : "")}" : "")})"));
        var s = document.Summary;
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"placed without overflow: {s.PlacedWithoutOverflow:P0} ({s.Segments - s.Overflow}/{s.Segments}); largest stretch {s.MaxStretchRatio:0.###}; largest overflow {s.MaxOverflowMs:0} ms"));
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"clips: {s.Synthesized} synthesized, {s.FromCache} from cache, {s.Silent} silent; RTF {(document.TotalDuration > 0 ? elapsedSeconds / document.TotalDuration : 0):0.###}"));
        foreach (var p in document.Placements.Where(NeedsLook).Take(5))
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{p.Id}: {string.Join(',', p.Flags)} (overflow {p.OverflowSeconds * 1000:0} ms)"));
    }

    private static bool NeedsLook(Placement p) => p.Flags.Any(f => f is FitFlags.Overflow or FitFlags.EmptyText or FitFlags.Unspeakable
        or FitFlags.TextCleaned or FitFlags.Silent or FitFlags.TruncatedAtEnd or FitFlags.ZeroLengthSlot);

    private static double Round(double seconds) => Math.Round(seconds, 4);

    private static string Preview(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
