using System.Text.RegularExpressions;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Processes;
using DubAgent.Engines.Languages;
using DubAgent.Engines.Translation.Timing;

namespace DubAgent.Engines.Translation.Apertium;

// The record, not this namespace (DubAgent.Engines.Translation would shadow it).
using Translation = DubAgent.Abstractions.Domain.Translation;

/// <summary>
/// Offline rule-based translation through Debian's apertium and its installed pairs. All segments go through one
/// apertium run, separated by blank lines (apertium's text format keeps paragraph breaks as hard boundaries); if the
/// count does not come back, the batch is halved until it does.
/// </summary>
public sealed partial class ApertiumTranslator(IProcessRunner runner) : ITranslator, ITranslationReach
{
    public const string EngineName = "apertium";
    private const string InstallHint = ProgramCatalog.AptInstall + " apertium apertium-eng-spa (other pairs: apt-cache search apertium-)";

    private Task<IReadOnlyList<ApertiumPair>>? _pairs;

    public string Name => EngineName;

    public string Capability => Capabilities.Translate;

    public string Description =>
        "Offline rule-based machine translation (apertium: installed pairs such as en<->es, and through a pivot such as "
        + "en->es->fr when no direct pair exists). Fast and literal; no tone "
        + "or length control. Use when no language model is configured, or as the LLM planner's fallback.";

    public async Task<EngineStatus> CheckAsync(CancellationToken cancellationToken)
    {
        if (ProgramLocator.Find("apertium") is null)
            return EngineStatus.Missing("apertium is not installed", InstallHint);
        var pairs = await PairsAsync(cancellationToken).ConfigureAwait(false);
        if (pairs.Count == 0)
            return EngineStatus.Missing("apertium has no language pairs installed", InstallHint);
        var version = await VersionAsync(cancellationToken).ConfigureAwait(false);
        return EngineStatus.Ready(version, "pairs: " + string.Join(", ", pairs.Select(p => p.Mode)));
    }

    public async Task<bool> SupportsAsync(string sourceLanguage, string targetLanguage, CancellationToken cancellationToken) =>
        await RouteAsync(sourceLanguage, targetLanguage, cancellationToken).ConfigureAwait(false) is not null;

    public async Task<LanguageSet> SourcesAsync(CancellationToken cancellationToken) =>
        LanguageSet.Of((await InstalledPairsAsync(cancellationToken).ConfigureAwait(false)).Select(p => p.Source));

    /// <summary>The targets reached by installed pairs, directly or through pivots (<see cref="ApertiumRoute"/>).</summary>
    public async Task<LanguageSet> TargetsAsync(string? source, CancellationToken cancellationToken)
    {
        var pairs = await InstalledPairsAsync(cancellationToken).ConfigureAwait(false);
        var sources = source is null ? pairs.Select(p => p.Source).Distinct() : [LanguageSet.Primary(source)];
        return LanguageSet.Of(sources.SelectMany(s => ApertiumRoute.Targets(pairs, s)));
    }

    /// <summary>The targets of installed direct pairs only (doctor shows them apart from the pivots).</summary>
    public async Task<LanguageSet> DirectTargetsAsync(string source, CancellationToken cancellationToken) =>
        LanguageSet.Of((await InstalledPairsAsync(cancellationToken).ConfigureAwait(false))
            .Where(p => p.Source == LanguageSet.Primary(source)).Select(p => p.Target));

    /// <summary>The installed directions, from `apertium -l` (asked once per process).</summary>
    public Task<IReadOnlyList<ApertiumPair>> PairsAsync(CancellationToken cancellationToken) =>
        _pairs is { IsFaulted: false, IsCanceled: false } ? _pairs : _pairs = ListPairsAsync(cancellationToken);

    /// <summary>The pairs a line goes through, direct or through pivots; null when the installed pairs do not connect them.</summary>
    public async Task<ApertiumRoute?> RouteAsync(string source, string target, CancellationToken cancellationToken) =>
        ApertiumRoute.Find(await InstalledPairsAsync(cancellationToken).ConfigureAwait(false), source, target);

    public async Task<Translation> TranslateAsync(TranslationRequest request, EngineContext context)
    {
        var transcript = request.Transcript;
        var route = await RouteAsync(transcript.Language, request.TargetLanguage, context.CancellationToken).ConfigureAwait(false)
            ?? throw new EngineUnavailableException(EngineName, Capability,
                $"no installed pairs connect {transcript.Language} -> {request.TargetLanguage}, directly or through a pivot (installed: "
                + $"{string.Join(", ", (await PairsAsync(context.CancellationToken).ConfigureAwait(false)).Select(p => p.Mode))})",
                "Install a pair for these languages (list them with: apt-cache search apertium-), or use engine 'llm'.");

        context.Progress.Report(new ProgressUpdate(0, $"apertium {route.Chain}: {transcript.Segments.Count} segments"));
        var texts = transcript.Segments.Select(s => s.Text).ToList();
        var surnames = await new ApertiumPersonNames(runner).FindAsync(route.Legs[0], texts, context.CancellationToken).ConfigureAwait(false);
        var lines = await TranslateTextsAsync(route, transcript.Language, texts,
            new TermProtector(request.Glossary, [.. request.DoNotTranslate ?? [], .. surnames]), context.CancellationToken).ConfigureAwait(false);
        context.Progress.Report(new ProgressUpdate(1, "apertium done"));

        var segments = transcript.Segments
            .Select((s, i) => SegmentFit.Build(s, lines[i].Text, request.TargetLanguage, EngineName, ToneHeuristic.For(s.Text), 0, null) with
            {
                Chain = route.Chain,
                Notes = lines[i].UnknownWords.Count == 0 ? null : [$"apertium left untranslated: {string.Join(", ", lines[i].UnknownWords)}"],
            })
            .ToList();
        return new Translation
        {
            SourceLanguage = transcript.Language,
            TargetLanguage = request.TargetLanguage,
            NumSpeakers = transcript.NumSpeakers,
            TotalDuration = transcript.TotalDuration,
            Engine = EngineName,
            Segments = segments,
        };
    }

    /// <summary>
    /// Translates lines (one per segment) along the route, keeping protected terms; the same count comes back, in order.
    /// Each leg's unknown-word marks are taken out before the next leg reads the line, and the words are kept per line.
    /// </summary>
    public async Task<IReadOnlyList<ApertiumLine>> TranslateTextsAsync(ApertiumRoute route, string sourceLanguage, IReadOnlyList<string> texts,
        TermProtector protector, CancellationToken cancellationToken)
    {
        var protectedTexts = texts.Select(t => protector.Protect(OneLine(ApertiumSourceText.Prepare(t, sourceLanguage)))).ToList();
        var current = protectedTexts.Select(p => p.Text).ToArray();
        var unknown = texts.Select(_ => new List<string>()).ToArray();
        var toTranslate = Enumerable.Range(0, texts.Count).Where(i => current[i].Length > 0).ToList();

        foreach (var leg in route.Legs)
        {
            if (toTranslate.Count == 0) break;
            var parts = await TranslateBatchAsync(leg, toTranslate.Select(i => current[i]).ToList(), cancellationToken).ConfigureAwait(false);
            for (var k = 0; k < toTranslate.Count; k++)
            {
                var i = toTranslate[k];
                var (text, words) = UnknownWordMarks.Take(OneLine(parts[k]));
                current[i] = text;
                var tokens = protectedTexts[i].Tokens;
                foreach (var word in words)
                    if (!tokens.Keys.Any(t => string.Equals(t, word, StringComparison.OrdinalIgnoreCase))
                        && !unknown[i].Contains(word, StringComparer.OrdinalIgnoreCase))
                        unknown[i].Add(word);
            }
        }
        return Enumerable.Range(0, texts.Count)
            .Select(i => new ApertiumLine(
                current[i].Length == 0 ? "" : TermProtector.Restore(SpaceBeforePunctuation().Replace(current[i], "$1"), protectedTexts[i].Tokens),
                unknown[i]))
            .ToList();
    }

    /// <summary>
    /// One apertium run for the lines, separated by blank lines. If a boundary did not survive, each half is run again
    /// (so one lost boundary costs a few runs, not one per line); a single line is its own answer.
    /// </summary>
    private async Task<IReadOnlyList<string>> TranslateBatchAsync(ApertiumPair pair, IReadOnlyList<string> lines, CancellationToken cancellationToken)
    {
        var output = await RunAsync(pair, string.Join("\n\n", lines), cancellationToken).ConfigureAwait(false);
        if (lines.Count == 1) return [output.Trim()];
        var parts = ParagraphBreak().Split(output.Trim()).Select(p => p.Trim()).ToList();
        if (parts.Count == lines.Count) return parts;
        var half = lines.Count / 2;
        var first = await TranslateBatchAsync(pair, lines.Take(half).ToList(), cancellationToken).ConfigureAwait(false);
        var second = await TranslateBatchAsync(pair, lines.Skip(half).ToList(), cancellationToken).ConfigureAwait(false);
        return [.. first, .. second];
    }

    /// <summary>Runs one pair with its unknown-word marks kept (no -u): they are taken out afterwards and listed.</summary>
    private async Task<string> RunAsync(ApertiumPair pair, string text, CancellationToken cancellationToken)
    {
        var request = new ProcessRequest("apertium", ["-f", "txt", pair.Mode])
        {
            StandardInput = text + "\n",
            Timeout = TimeSpan.FromSeconds(60 + text.Length / 500.0),
        };
        var result = await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
            throw new EngineFailedException(EngineName, $"apertium {pair.Mode} exited with code {result.ExitCode}.",
                $"Check the pair with: echo hello | apertium {pair.Mode}", result.StderrTail);
        return result.StandardOutput;
    }

    private async Task<IReadOnlyList<ApertiumPair>> InstalledPairsAsync(CancellationToken cancellationToken) =>
        ProgramLocator.Find("apertium") is null ? [] : await PairsAsync(cancellationToken).ConfigureAwait(false);

    private async Task<IReadOnlyList<ApertiumPair>> ListPairsAsync(CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(new ProcessRequest("apertium", ["-l"]) { Timeout = TimeSpan.FromSeconds(30) }, cancellationToken)
            .ConfigureAwait(false);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ApertiumPair.Parse).OfType<ApertiumPair>().ToList();
    }

    private async Task<string> VersionAsync(CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(new ProcessRequest("apertium", ["-V"]) { Timeout = TimeSpan.FromSeconds(30) }, cancellationToken)
            .ConfigureAwait(false);
        var line = result.StandardOutput.Trim();
        return line.StartsWith("Apertium ", StringComparison.Ordinal) ? line["Apertium ".Length..] : line.Length > 0 ? line : "unknown";
    }

    private static string OneLine(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>apertium sometimes leaves a blank before closing punctuation ("una tormenta .").</summary>
    [GeneratedRegex(@"\s+([.,!?;:…])")]
    private static partial Regex SpaceBeforePunctuation();
}
