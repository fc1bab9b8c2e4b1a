using System.Text.RegularExpressions;

namespace DubAgent.Engines.Translation.Checks;

/// <summary>One rule: a source term and what the target line must say for it (the glossary's translation, or the name itself).</summary>
public sealed record TermRule(string Term, string Use, string Kind);

/// <summary>The glossary and do-not-translate list as rules: which apply to a source line, and whether a target line kept one.</summary>
public sealed class TermRules
{
    private readonly List<(Regex Pattern, TermRule Rule)> _rules = [];

    public TermRules(IReadOnlyDictionary<string, string>? glossary, IReadOnlyList<string>? doNotTranslate)
    {
        foreach (var name in doNotTranslate ?? [])
            if (!string.IsNullOrWhiteSpace(name)) _rules.Add((Word(name.Trim(), RegexOptions.None), new TermRule(name.Trim(), name.Trim(), "keep")));
        foreach (var (term, translation) in glossary ?? new Dictionary<string, string>())
            if (!string.IsNullOrWhiteSpace(term) && !string.IsNullOrWhiteSpace(translation))
                _rules.Add((Word(term.Trim(), RegexOptions.IgnoreCase), new TermRule(term.Trim(), translation.Trim(), "glossary")));
    }

    /// <summary>The rules whose term occurs in the source line.</summary>
    public IReadOnlyList<TermRule> In(string source) => _rules.Where(r => r.Pattern.IsMatch(source)).Select(r => r.Rule).ToList();

    /// <summary>Whether the target line says <paramref name="use"/> as a whole word (any case).</summary>
    public static bool Keeps(string target, string use) => Word(use, RegexOptions.IgnoreCase).IsMatch(target);

    private static Regex Word(string term, RegexOptions options) =>
        new($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(term)}(?![\p{{L}}\p{{N}}])", options | RegexOptions.CultureInvariant);
}
