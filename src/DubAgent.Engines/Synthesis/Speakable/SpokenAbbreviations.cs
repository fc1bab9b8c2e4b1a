using System.Text.RegularExpressions;
using DubAgent.Engines.Languages;

namespace DubAgent.Engines.Synthesis.Speakable;

/// <summary>
/// Common written abbreviations and symbols spelled as they are said, per language: a voice reading "Sr." or "&amp;"
/// letter by letter sounds broken. Matched as whole words, case as written in the table.
/// </summary>
public static class SpokenAbbreviations
{
    private static readonly Dictionary<string, (string Written, string Said)[]> Table = new(StringComparer.Ordinal)
    {
        ["en"] = [("Dr.", "Doctor"), ("Mr.", "Mister"), ("Mrs.", "Missus"), ("Ms.", "Miz"), ("St.", "Saint"), ("Prof.", "Professor"),
            ("etc.", "et cetera"), ("vs.", "versus"), ("e.g.", "for example"), ("i.e.", "that is"), ("No.", "number"), ("&", "and"), ("%", "percent")],
        ["es"] = [("Sr.", "señor"), ("Sra.", "señora"), ("Srta.", "señorita"), ("Dr.", "doctor"), ("Dra.", "doctora"), ("Ud.", "usted"),
            ("Uds.", "ustedes"), ("Prof.", "profesor"), ("etc.", "etcétera"), ("pág.", "página"), ("núm.", "número"), ("&", "y"), ("%", "por ciento")],
        ["fr"] = [("M.", "monsieur"), ("Mme", "madame"), ("Mlle", "mademoiselle"), ("Dr", "docteur"), ("Pr", "professeur"),
            ("etc.", "et cetera"), ("p. ex.", "par exemple"), ("&", "et"), ("%", "pour cent")],
        ["it"] = [("Sig.ra", "signora"), ("Sig.na", "signorina"), ("Sig.", "signor"), ("Dott.ssa", "dottoressa"), ("Dott.", "dottor"),
            ("Prof.", "professor"), ("ecc.", "eccetera"), ("&", "e"), ("%", "per cento")],
        ["pt"] = [("Sr.", "senhor"), ("Sra.", "senhora"), ("Dr.", "doutor"), ("Dra.", "doutora"), ("Prof.", "professor"),
            ("etc.", "etcétera"), ("&", "e"), ("%", "por cento")],
        ["gl"] = [("Sr.", "señor"), ("Sra.", "señora"), ("Dr.", "doutor"), ("Dra.", "doutora"), ("etc.", "etcétera"), ("&", "e"), ("%", "por cento")],
        ["ca"] = [("Sr.", "senyor"), ("Sra.", "senyora"), ("Dr.", "doctor"), ("Dra.", "doctora"), ("etc.", "etcètera"), ("&", "i"), ("%", "per cent")],
        ["de"] = [("Dr.", "Doktor"), ("Hr.", "Herr"), ("Fr.", "Frau"), ("Prof.", "Professor"), ("z. B.", "zum Beispiel"), ("usw.", "und so weiter"),
            ("bzw.", "beziehungsweise"), ("&", "und"), ("%", "Prozent")],
        ["ro"] = [("Dl.", "domnul"), ("Dna.", "doamna"), ("Dr.", "doctor"), ("etc.", "et cetera"), ("&", "și"), ("%", "la sută")],
    };

    private static readonly Dictionary<string, Regex> Patterns = Table.ToDictionary(p => p.Key, p => Pattern(p.Value), StringComparer.Ordinal);

    public static string Expand(string text, string language)
    {
        var key = LanguageSet.Primary(language);
        if (!Patterns.TryGetValue(key, out var pattern)) return text;
        var said = Table[key].ToDictionary(e => e.Written, e => e.Said, StringComparer.Ordinal);
        // A symbol glued to a number ("50%") gets its space so the number and the word are read apart.
        return pattern.Replace(text, m => (m.Value is "%" && m.Index > 0 && char.IsDigit(text[m.Index - 1]) ? " " : "") + said[m.Value]);
    }

    /// <summary>Longest first; an abbreviation is not part of a longer word ("Dr." is not in "Drs.", "M." not in "MM.").</summary>
    private static Regex Pattern((string Written, string Said)[] entries) =>
        new(string.Join("|", entries.OrderByDescending(e => e.Written.Length).Select(e =>
                (char.IsLetter(e.Written[0]) ? @"(?<![\p{L}\p{N}])" : "") + Regex.Escape(e.Written) + (char.IsLetter(e.Written[^1]) ? @"(?![\p{L}\p{N}])" : ""))),
            RegexOptions.CultureInvariant);
}
