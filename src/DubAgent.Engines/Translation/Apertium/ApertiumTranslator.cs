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
        "Offline rule-based machine translation (apertium, installed pairs such as en<->es). Fast and literal; no tone "
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

    public async Task<bool> SupportsAsync(string sourceLanguage, string targetLanguage, CancellationToken cancellationToken)
    {
        if (ProgramLocator.Find("apertium") is null) return false;
        return Choose(await PairsAsync(cancellationToken).ConfigureAwait(false), sourceLanguage, targetLanguage) is not null;
    }

    public async Task<LanguageSet> SourcesAsync(CancellationToken cancellationToken) =>
        LanguageSet.Of((await InstalledPairsAsync(cancellationToken).ConfigureAwait(false)).Select(p => p.Source));

    /// <summary>The installed direct pairs' targets (apertium translates each pair on its own; no pivots).</summary>
    public async Task<LanguageSet> TargetsAsync(string? source, CancellationToken cancellationToken) =>
        LanguageSet.Of((await InstalledPairsAsync(cancellationToken).ConfigureAwait(false))
            .Where(p => source is null || p.Source == Primary(source)).Select(p => p.Target));

    /// <summary>The installed directions, from `apertium -l` (asked once per process).</summary>
    public Task<IReadOnlyList<ApertiumPair>> PairsAsync(CancellationToken cancellationToken) =>
        _pairs is { IsFaulted: false, IsCanceled: false } ? _pairs : _pairs = ListPairsAsync(cancellationToken);

    public async Task<Translation> TranslateAsync(TranslationRequest request, EngineContext context)
    {
        var transcript = request.Transcript;
        var pairs = await PairsAsync(context.CancellationToken).ConfigureAwait(false);
        var pair = Choose(pairs, transcript.Language, request.TargetLanguage)
            ?? throw new EngineUnavailableException(EngineName, Capability,
                $"no {transcript.Language} -> {request.TargetLanguage} pair is installed (installed: {string.Join(", ", pairs.Select(p => p.Mode))})",
                "Install a pair for these languages (list them with: apt-cache search apertium-), or use engine 'llm'.");

        context.Progress.Report(new ProgressUpdate(0, $"apertium {pair.Mode}: {transcript.Segments.Count} segments"));
        var targets = await TranslateTextsAsync(pair, transcript.Segments.Select(s => s.Text).ToList(),
            new TermProtector(request.Glossary, request.DoNotTranslate), context.CancellationToken).ConfigureAwait(false);
        context.Progress.Report(new ProgressUpdate(1, "apertium done"));

        var segments = transcript.Segments
            .Select((s, i) => SegmentFit.Build(s, targets[i], request.TargetLanguage, EngineName, ToneHeuristic.For(s.Text), 0, null))
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

    /// <summary>Translates lines (one per segment), keeping protected terms; the same count comes back, in order.</summary>
    public async Task<IReadOnlyList<string>> TranslateTextsAsync(ApertiumPair pair, IReadOnlyList<string> texts,
        TermProtector protector, CancellationToken cancellationToken)
    {
        var protectedTexts = texts.Select(t => protector.Protect(OneLine(t))).ToList();
        var results = new string[texts.Count];
        var toTranslate = Enumerable.Range(0, texts.Count).Where(i => protectedTexts[i].Text.Length > 0).ToList();
        foreach (var i in Enumerable.Range(0, texts.Count).Except(toTranslate)) results[i] = "";

        if (toTranslate.Count > 0)
        {
            var parts = await TranslateBatchAsync(pair, toTranslate.Select(i => protectedTexts[i].Text).ToList(), cancellationToken).ConfigureAwait(false);
            for (var k = 0; k < toTranslate.Count; k++)
            {
                var i = toTranslate[k];
                results[i] = TermProtector.Restore(SpaceBeforePunctuation().Replace(OneLine(parts[k]), "$1"), protectedTexts[i].Tokens);
            }
        }
        return results;
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

    private async Task<string> RunAsync(ApertiumPair pair, string text, CancellationToken cancellationToken)
    {
        var request = new ProcessRequest("apertium", ["-u", "-f", "txt", pair.Mode])
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

    private static ApertiumPair? Choose(IReadOnlyList<ApertiumPair> pairs, string source, string target)
    {
        var s = Primary(source);
        var t = Primary(target);
        var matches = pairs.Where(p => p.Source == s && p.Target == t).ToList();
        // A regional variant asked for (en-US) picks its mode (spa-eng_US); otherwise the plain mode comes first.
        var variant = target.Contains('-') || target.Contains('_') ? target[(target.IndexOfAny(['-', '_']) + 1)..] : null;
        return matches.FirstOrDefault(p => variant is not null && string.Equals(p.Variant, variant, StringComparison.OrdinalIgnoreCase))
            ?? matches.FirstOrDefault(p => p.Variant is null)
            ?? matches.FirstOrDefault();
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

    private static string Primary(string language)
    {
        var cut = language.IndexOfAny(['-', '_']);
        return (cut > 0 ? language[..cut] : language).ToLowerInvariant();
    }

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>apertium sometimes leaves a blank before closing punctuation ("una tormenta .").</summary>
    [GeneratedRegex(@"\s+([.,!?;:…])")]
    private static partial Regex SpaceBeforePunctuation();
}
