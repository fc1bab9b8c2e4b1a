using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Engines.Translation.Checks;
using DubAgent.Engines.Translation.Timing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DubAgent.Engines.Translation.Llm;

// The record, not this namespace (DubAgent.Engines.Translation would shadow it).
using Translation = DubAgent.Abstractions.Domain.Translation;

/// <summary>
/// The tone-preserving planner, a Semantic Kernel kernel over any <see cref="IChatClient"/>: scenes into windows, one
/// profile per speaker, window-by-window translation with the previous window as context. The model checks its own
/// lines by calling the kernel's functions (fit to the slot, glossary, form of address, neighbours, profile) and
/// answers in a typed JSON shape; the N-in/N-out, same-id, same-speaker guard stays here in code. Lines still over
/// budget go back for shorter wording. A window the model fails twice (bad answers, endpoint down) falls back to the
/// offline engine, and its segments are flagged with the reason in their notes.
/// </summary>
public sealed class LlmPlanner(IChatClient chat, PlannerOptions options, ILogger? logger = null)
{
    private const int ContextLines = 6;
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <param name="engineName">Written on each segment the model produced.</param>
    /// <param name="fallback">Translates a window the model failed on; null makes such a window an error.</param>
    /// <param name="profileCacheFile">Where speaker profiles are cached (the job folder), or null for no cache.</param>
    public async Task<PlannerResult> TranslateAsync(TranslationRequest request, EngineContext context, string engineName,
        ITranslator? fallback, string? profileCacheFile)
    {
        var checks = new CheckContext(request);
        var caller = new ChatCaller(chat, options, _logger, checks);
        var transcript = request.Transcript;
        var cancellationToken = context.CancellationToken;
        var windows = SceneSplitter.Split(transcript.Segments, options.SceneGapSeconds, options.MaxWindowSegments);

        context.Progress.Report(new ProgressUpdate(0, "profiling speakers"));
        var profiles = await new SpeakerProfiler(caller, _logger).ProfilesAsync(transcript, request.StyleNotes, profileCacheFile, cancellationToken).ConfigureAwait(false);
        checks.Profiles = profiles;

        var done = new Dictionary<string, TranslatedSegment>(StringComparer.Ordinal);
        var previous = new List<(TranscriptSegment Source, string Target)>();
        var failedWindows = 0;
        var lastScene = -1;
        string? endpointDown = null;
        foreach (var window in windows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (window.Scene != lastScene) previous.Clear(); // context does not cross a scene change
            lastScene = window.Scene;
            IReadOnlyList<TranslatedSegment> translated;
            try
            {
                if (endpointDown is not null) throw new WindowFailedException($"{endpointDown} (earlier in this run)", endpointDown: true);
                var draft = await DraftAsync(caller, request, window, previous, profiles, cancellationToken).ConfigureAwait(false);
                translated = await RefitAsync(caller, request, window, draft, engineName, cancellationToken).ConfigureAwait(false);
            }
            catch (WindowFailedException failure)
            {
                failedWindows++;
                if (failure.EndpointDown) endpointDown ??= failure.Message;
                _logger.LogWarning("Window {Window} failed ({Reason}); falling back to {Fallback}", window.Index + 1, failure.Message, fallback?.Name ?? "nothing");
                translated = await FallBackAsync(request, window, failure.Message, fallback, context).ConfigureAwait(false);
            }
            foreach (var segment in translated)
            {
                done[segment.Id] = segment;
                checks.Translated(segment.Id, segment.TargetText);
            }
            previous = window.Segments.Zip(translated, (s, t) => (s, t.TargetText)).TakeLast(ContextLines).ToList();
            context.Progress.Report(ProgressUpdate.Of(window.Index + 1, windows.Count, $"window {window.Index + 1}/{windows.Count}"));
        }

        var translation = new Translation
        {
            SourceLanguage = transcript.Language,
            TargetLanguage = request.TargetLanguage,
            NumSpeakers = transcript.NumSpeakers,
            TotalDuration = transcript.TotalDuration,
            Engine = engineName,
            Segments = transcript.Segments.Select(s => done[s.Id]).ToList(),
            Profiles = profiles.Count == 0 ? null : profiles,
        };
        return new PlannerResult(translation, windows.Count, failedWindows, caller.Requests, caller.RateLimitWaits, profiles,
            new Dictionary<string, int>(checks.Calls, StringComparer.Ordinal));
    }

    /// <summary>The first translation of a window: asked again on malformed JSON or a changed speaker, repeated on a count mismatch.</summary>
    private async Task<Dictionary<string, PlannerLine>> DraftAsync(ChatCaller caller, TranslationRequest request, SceneWindow window,
        IReadOnlyList<(TranscriptSegment, string)> previous, IReadOnlyList<SpeakerProfile> profiles, CancellationToken cancellationToken)
    {
        var system = new ChatMessage(ChatRole.System, PlannerPrompts.System(request));
        var messages = new List<ChatMessage> { system, new(ChatRole.User, PlannerPrompts.Window(request, window, previous, profiles, null)) };
        string? lastProblem = null;
        var down = true;
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            string answer;
            try
            {
                answer = await caller.AskAsync<PlannerAnswer>(messages, checks: true, cancellationToken).ConfigureAwait(false);
                down = false;
            }
            catch (WindowFailedException e)
            {
                // No answer at all (endpoint down, rate limit never lifted) counts as a failed attempt too.
                lastProblem = e.Message;
                down &= e.EndpointDown;
                continue;
            }
            var parsed = JsonAnswerReader.TryRead<PlannerAnswer>(answer, out var unreadable);
            if (parsed is null)
            {
                lastProblem = $"malformed JSON: {unreadable}";
                messages.Add(new ChatMessage(ChatRole.Assistant, answer));
                messages.Add(new ChatMessage(ChatRole.User, $"Your answer could not be read ({unreadable}). Reply again with only the JSON object for all {window.Segments.Count} segments."));
                continue;
            }
            var (problem, message) = WindowCheck.Check(parsed.Segments, window.Segments);
            switch (problem)
            {
                case WindowProblem.None:
                    return parsed.Segments.ToDictionary(l => l.Id!.Trim(), StringComparer.Ordinal);
                case WindowProblem.Count:
                    // The whole window again, from a clean conversation, with the mismatch named.
                    lastProblem = message;
                    messages = [system, new(ChatRole.User, PlannerPrompts.Window(request, window, previous, profiles, message))];
                    break;
                default:
                    lastProblem = message;
                    messages.Add(new ChatMessage(ChatRole.Assistant, answer));
                    messages.Add(new ChatMessage(ChatRole.User, $"Your answer was rejected: {message}. Reply again with the full JSON object."));
                    break;
            }
        }
        throw new WindowFailedException($"{options.MaxAttempts} attempts failed, last: {lastProblem}", endpointDown: down);
    }

    /// <summary>Sends lines over budget back for a shorter wording, up to the set rounds; a shorter answer replaces a longer one.</summary>
    private async Task<IReadOnlyList<TranslatedSegment>> RefitAsync(ChatCaller caller, TranslationRequest request, SceneWindow window,
        Dictionary<string, PlannerLine> lines, string engineName, CancellationToken cancellationToken)
    {
        var target = request.TargetLanguage;
        var rounds = window.Segments.ToDictionary(s => s.Id, _ => 0, StringComparer.Ordinal);
        for (var round = 1; round <= options.MaxRounds; round++)
        {
            var over = window.Segments
                .Select(s => (Source: s, Fit: SegmentFit.Measure(s, lines[s.Id].Text ?? "", target)))
                .Where(x => x.Fit.FitRatio > options.FitTolerance)
                .ToList();
            if (over.Count == 0) break;
            foreach (var (source, _) in over) rounds[source.Id] = round;

            var asked = over.Select(x => x.Source).ToList();
            var shorter = await ShortenAsync(caller, request, asked,
                over.Select(x => (x.Source, lines[x.Source.Id].Text ?? "", x.Fit.Syllables)).ToList(), cancellationToken).ConfigureAwait(false);
            if (shorter is null) break; // the longer lines stay, flagged over budget
            foreach (var (source, fit) in over)
            {
                var candidate = shorter[source.Id];
                if (SegmentFit.Measure(source, candidate.Text!, target).FitRatio < fit.FitRatio)
                    lines[source.Id] = candidate with { Tone = candidate.Tone ?? lines[source.Id].Tone };
            }
        }
        return window.Segments
            .Select(s => SegmentFit.Build(s, lines[s.Id].Text?.Trim() ?? "", target, engineName, Tone(lines[s.Id].Tone), rounds[s.Id], null))
            .ToList();
    }

    private async Task<Dictionary<string, PlannerLine>?> ShortenAsync(ChatCaller caller, TranslationRequest request, IReadOnlyList<TranscriptSegment> asked,
        IReadOnlyList<(TranscriptSegment, string, int)> current, CancellationToken cancellationToken)
    {
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, PlannerPrompts.System(request)),
            new(ChatRole.User, PlannerPrompts.Shorten(request, current)),
        };
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            string answer;
            try
            {
                answer = await caller.AskAsync<PlannerAnswer>(messages, checks: true, cancellationToken).ConfigureAwait(false);
            }
            catch (WindowFailedException e)
            {
                _logger.LogWarning("Shorter rewording not available: {Reason}", e.Message);
                return null;
            }
            var parsed = JsonAnswerReader.TryRead<PlannerAnswer>(answer, out var unreadable);
            var problem = unreadable;
            if (parsed is not null)
            {
                // The model may list the ids in another order; put them back in the order asked.
                var byId = parsed.Segments.Where(l => l.Id is not null).GroupBy(l => l.Id!.Trim()).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                var ordered = asked.Select(s => byId.GetValueOrDefault(s.Id) ?? new PlannerLine()).ToList();
                var (kind, message) = parsed.Segments.Count == asked.Count ? WindowCheck.Check(ordered, asked) : WindowCheck.Check(parsed.Segments, asked);
                if (kind == WindowProblem.None) return ordered.ToDictionary(l => l.Id!.Trim(), StringComparer.Ordinal);
                problem = message;
            }
            messages.Add(new ChatMessage(ChatRole.Assistant, answer));
            messages.Add(new ChatMessage(ChatRole.User, $"Your answer was rejected: {problem}. Reply again with only the JSON object for these {asked.Count} ids."));
        }
        _logger.LogWarning("Shorter rewording rejected {Attempts} times; keeping the longer lines", options.MaxAttempts);
        return null;
    }

    private static async Task<IReadOnlyList<TranslatedSegment>> FallBackAsync(TranslationRequest request, SceneWindow window, string reason,
        ITranslator? fallback, EngineContext context)
    {
        var ids = string.Join(", ", window.Segments.Select(s => s.Id));
        if (fallback is null)
            throw new EngineFailedException("llm", $"the model could not translate window {window.Index + 1} ({ids}): {reason}, and no fallback engine can run.",
                "Install apertium with a pair for these languages, or try another model (DUBAGENT_LLM_MODEL).");
        var part = request.Transcript with { Segments = window.Segments };
        var translated = await fallback.TranslateAsync(request with { Transcript = part }, context).ConfigureAwait(false);
        TranslationGuard.Check(part, translated, fallback.Name);
        var flag = $"fallback: the llm could not translate window {window.Index + 1} ({reason}); translated by {fallback.Name}";
        return window.Segments.Zip(translated.Segments, (source, t) =>
            SegmentFit.Build(source, t.TargetText, request.TargetLanguage, fallback.Name, t.Tone, 0, flag) with
            {
                Chain = t.Chain,
                Notes = [flag, .. t.Notes ?? []],
            }).ToList();
    }

    private static string Tone(string? tone) => string.IsNullOrWhiteSpace(tone) ? "neutral" : tone.Trim().ToLowerInvariant();
}

/// <summary>The planner's translation and the figures of its run.</summary>
/// <param name="FunctionCalls">The checks the model called itself, by function name.</param>
public sealed record PlannerResult(Translation Translation, int Windows, int FailedWindows, int Requests, int RateLimitWaits,
    IReadOnlyList<SpeakerProfile> Profiles, IReadOnlyDictionary<string, int> FunctionCalls);
