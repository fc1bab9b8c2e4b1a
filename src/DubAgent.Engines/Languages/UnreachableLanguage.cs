using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Processes;
using DubAgent.Engines.Translation.Apertium;
using DubAgent.Engines.Translation.Llm;

namespace DubAgent.Engines.Languages;

/// <summary>
/// The error for a language that cannot be reached here: which languages are reachable, and what would reach it
/// (another engine that can run here, Debian's apertium pair package when one exists, configuring the llm engine).
/// It is an input error (exit code 2): the language asked for cannot be had here, and a run that asks for it is refused
/// before its first step; an engine named explicitly that is not installed stays an engine-unavailable error.
/// </summary>
public sealed class UnreachableLanguage(IEngineRegistry engines, ApertiumPairPackages packages)
{
    /// <summary>Longer lists are cut: the error stays one readable line (`dubagent doctor` lists them all).</summary>
    private const int ListedLanguages = 40;

    public async Task<InputException> TranslationAsync(string? source, string target, string? named, IReadOnlyList<string> tried,
        LanguageSet reachable, IReadOnlyList<string> others, CancellationToken cancellationToken)
    {
        var reason = source is null
            ? $"nothing here translates into '{target}' (reachable targets: {List(reachable)})"
            : $"nothing here translates {source} -> {target} (reachable from {source}: {List(reachable)})";
        var fixes = new List<string>();
        if (others.Count > 0) fixes.Add($"use engine {Names(others)}, which translates it");
        if (named is null || Is(named, ApertiumTranslator.EngineName))
        {
            var (fix, note) = await ApertiumFixAsync(source, target, cancellationToken).ConfigureAwait(false);
            if (fix is not null) fixes.Add(fix);
            if (note is not null) reason += "; " + note;
        }
        if (engines.Find(Capabilities.Translate, LlmTranslator.EngineName) is LlmTranslator llm
            && await engines.StatusAsync(llm, cancellationToken).ConfigureAwait(false) is { Available: false } status)
            fixes.Add(llm.Settings.IsConfigured
                ? $"make the '{LlmTranslator.EngineName}' engine's endpoint answer, which translates any pair ({status.Detail}): start the server or fix DUBAGENT_LLM_BASE_URL (docs/translation.md)"
                : $"configure the '{LlmTranslator.EngineName}' engine, which translates any pair (README: Translation with an LLM): {Clause(LlmTranslator.InstallHint)}");
        return new InputException($"Cannot translate with {Names(tried, "and")}: {reason}", Hint(fixes));
    }

    public async Task<InputException> SpeechAsync(string language, IReadOnlyList<string> tried, LanguageSet spoken,
        IReadOnlyList<string> others, CancellationToken cancellationToken)
    {
        var fixes = new List<string>();
        if (others.Count > 0) fixes.Add($"use engine {Names(others)}, which speaks it");
        foreach (var engine in engines.ForCapability(Capabilities.Synthesize))
        {
            var status = await engines.StatusAsync(engine, cancellationToken).ConfigureAwait(false);
            var voiceHint = (engine as ILanguageVoiceHint)?.VoiceHint(language);
            if (!status.Available) fixes.Add($"set up '{engine.Name}' and give it a voice for '{language}' ({Clause(voiceHint ?? status.InstallHint ?? "see `dubagent doctor`")})");
            else if (voiceHint is not null && !others.Contains(engine.Name, StringComparer.OrdinalIgnoreCase)) fixes.Add($"give '{engine.Name}' a voice for '{language}' ({Clause(voiceHint)})");
        }
        return new InputException($"Cannot speak with {Names(tried, "and")}: no voice here speaks '{language}' (spoken: {List(spoken)})", Hint(fixes));
    }

    /// <summary>The package that adds the pair when Debian has one; otherwise a note saying it has none.</summary>
    private async Task<(string? Fix, string? Note)> ApertiumFixAsync(string? source, string target, CancellationToken cancellationToken)
    {
        var found = await packages.ForAsync(source, target, cancellationToken).ConfigureAwait(false);
        var apertium = ProgramLocator.Find("apertium") is null ? "apertium " : "";
        if (found.Count == 1 || (found.Count > 1 && source is not null))
            return ($"install Debian's apertium pair: {ProgramCatalog.AptInstall} {apertium}{string.Join(' ', found)}", null);
        if (found.Count > 1)
            return ($"install Debian's apertium pair from the source language ({ProgramCatalog.AptInstall} {apertium}PACKAGE), one of: {string.Join(", ", found)}", null);
        if ((await packages.AllAsync(cancellationToken).ConfigureAwait(false)).Count == 0)
            return ("look for an apertium pair package: sudo apt-get update && apt-cache search apertium-", null);
        return (null, $"Debian has no apertium pair for {source ?? "any language"} -> {target}");
    }

    private static string? Hint(List<string> fixes) =>
        fixes.Count == 0 ? null : char.ToUpperInvariant(fixes[0][0]) + string.Join("; or ", fixes)[1..] + ".";

    /// <summary>An engine's own hint as part of a sentence: no capital, no final period.</summary>
    private static string Clause(string hint)
    {
        var text = hint.Trim().TrimEnd('.');
        return text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    private static string List(LanguageSet languages) =>
        languages.Any || languages.Codes.Count <= ListedLanguages
            ? languages.ToString()
            : $"{string.Join(", ", languages.Codes.Take(ListedLanguages))} and {languages.Codes.Count - ListedLanguages} more";

    private static string Names(IReadOnlyList<string> names, string joiner = "or") => string.Join($" {joiner} ", names.Select(n => $"'{n}'"));

    private static bool Is(string name, string engine) => string.Equals(name, engine, StringComparison.OrdinalIgnoreCase);
}
