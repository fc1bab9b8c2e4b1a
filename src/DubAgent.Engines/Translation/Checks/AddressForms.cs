using System.Text.RegularExpressions;
using DubAgent.Engines.Languages;

namespace DubAgent.Engines.Translation.Checks;

/// <summary>
/// The T–V choice in a line: which informal (tú, tu, du) and formal (usted, vous, Sie) forms of address it uses, for
/// the languages that have one. A word list, not a parser: "vous" is also the French plural, so a formal form found
/// where informal is expected is reported for the model to judge, not refused.
/// </summary>
public static partial class AddressForms
{
    private static readonly Dictionary<string, (string[] Informal, string[] Formal)> Forms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["es"] = (["tú", "te", "ti", "contigo", "tu", "tus", "vos"], ["usted", "ustedes"]),
        ["ca"] = (["tu", "et", "teu", "teva", "teus", "teves"], ["vostè", "vostès", "vós"]),
        ["gl"] = (["ti", "che", "teu", "túa", "contigo"], ["vostede", "vostedes"]),
        ["pt"] = (["tu", "te", "ti", "contigo", "teu", "tua", "você"], ["o senhor", "a senhora", "vocês"]),
        ["fr"] = (["tu", "te", "toi", "ton", "ta", "tes", "t'"], ["vous", "votre", "vos"]),
        ["it"] = (["tu", "ti", "te", "tuo", "tua", "tuoi", "tue"], ["Lei", "Suo", "Sua"]),
        ["de"] = (["du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner"], ["Sie", "Ihnen", "Ihr", "Ihre", "Ihren"]),
        ["nl"] = (["jij", "je", "jou", "jouw"], ["u", "uw"]),
        ["ro"] = (["tu", "te", "ție", "tău", "ta"], ["dumneavoastră", "dvs"]),
    };

    /// <summary>Whether the language has a T–V choice this list knows.</summary>
    public static bool Knows(string language) => Forms.ContainsKey(LanguageSet.Primary(language));

    /// <summary>The informal and formal forms the line uses (empty lists for a language without the choice).</summary>
    public static (IReadOnlyList<string> Informal, IReadOnlyList<string> Formal) Find(string text, string language)
    {
        if (!Forms.TryGetValue(LanguageSet.Primary(language), out var forms)) return ([], []);
        // German and Italian formal pronouns are capitalised: matched case-sensitively, and not as a sentence's first word.
        var caseSensitiveFormal = LanguageSet.Primary(language) is "de" or "it";
        var informal = forms.Informal.Where(f => Contains(text, f, ignoreCase: true, skipSentenceStart: false)).ToList();
        var formal = forms.Formal.Where(f => Contains(text, f, !caseSensitiveFormal, caseSensitiveFormal)).ToList();
        return (informal, formal);
    }

    private static bool Contains(string text, string form, bool ignoreCase, bool skipSentenceStart)
    {
        var pattern = form.EndsWith('\'') ? $@"(?<![\p{{L}}]){Regex.Escape(form)}" : $@"(?<![\p{{L}}]){Regex.Escape(form)}(?![\p{{L}}])";
        foreach (Match match in Regex.Matches(text, pattern, ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None))
        {
            if (skipSentenceStart && SentenceStart().IsMatch(text[..match.Index])) continue;
            return true;
        }
        return false;
    }

    [GeneratedRegex(@"(^|[.!?¿¡]\s*)$")]
    private static partial Regex SentenceStart();
}
