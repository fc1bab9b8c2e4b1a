using System.Text.RegularExpressions;

namespace DubAgent.Engines.Translation;

/// <summary>
/// Keeps do-not-translate names and glossary terms through a machine translator: each occurrence becomes an
/// opaque token the translator passes through as an unknown word, and the token is put back afterwards as the
/// name itself or the glossary's translation.
/// </summary>
public sealed class TermProtector
{
    private readonly List<(Regex Pattern, string? Replacement)> _terms = [];

    public TermProtector(IReadOnlyDictionary<string, string>? glossary, IReadOnlyList<string>? doNotTranslate)
    {
        // Longest first, so "New York Times" wins over "New York".
        var entries = new List<(string Term, string? Replacement)>();
        foreach (var name in doNotTranslate ?? []) if (!string.IsNullOrWhiteSpace(name)) entries.Add((name.Trim(), null));
        foreach (var (term, translation) in glossary ?? new Dictionary<string, string>())
            if (!string.IsNullOrWhiteSpace(term)) entries.Add((term.Trim(), translation));
        foreach (var (term, replacement) in entries.OrderByDescending(e => e.Term.Length))
        {
            // Names keep their case; glossary terms match any case.
            var options = replacement is null ? RegexOptions.None : RegexOptions.IgnoreCase;
            _terms.Add((new Regex($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(term)}(?![\p{{L}}\p{{N}}])", options | RegexOptions.CultureInvariant), replacement));
        }
    }

    public bool IsEmpty => _terms.Count == 0;

    /// <summary>The text with protected terms swapped for tokens, and what each token stands for.</summary>
    public (string Text, IReadOnlyDictionary<string, string> Tokens) Protect(string text)
    {
        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (pattern, replacement) in _terms)
        {
            text = pattern.Replace(text, match =>
            {
                var token = $"Zqx{tokens.Count}qz";
                tokens[token] = replacement ?? match.Value;
                return token;
            });
        }
        return (text, tokens);
    }

    /// <summary>Puts the names and glossary translations back; tokens the translator mangled are matched case-insensitively.</summary>
    public static string Restore(string translated, IReadOnlyDictionary<string, string> tokens)
    {
        foreach (var (token, value) in tokens)
            translated = Regex.Replace(translated, Regex.Escape(token), value.Replace("$", "$$"), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return translated;
    }
}
