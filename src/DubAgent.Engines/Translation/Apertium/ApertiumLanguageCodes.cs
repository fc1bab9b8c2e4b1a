namespace DubAgent.Engines.Translation.Apertium;

/// <summary>
/// ISO 639-1 (what DubAgent uses) to the ISO 639-3 codes apertium names its modes with (eng-spa, cat-spa, ...);
/// older pairs still use two-letter names (en-es), which are accepted as they are.
/// </summary>
public static class ApertiumLanguageCodes
{
    private static readonly Dictionary<string, string> TwoToThree = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "eng", ["es"] = "spa", ["ca"] = "cat", ["fr"] = "fra", ["pt"] = "por", ["gl"] = "glg", ["it"] = "ita",
        ["oc"] = "oci", ["eo"] = "epo", ["de"] = "deu", ["nl"] = "nld", ["ro"] = "ron", ["ar"] = "ara", ["eu"] = "eus",
        ["af"] = "afr", ["sv"] = "swe", ["da"] = "dan", ["nb"] = "nob", ["nn"] = "nno", ["no"] = "nor", ["is"] = "isl",
        ["br"] = "bre", ["cy"] = "cym", ["ga"] = "gle", ["kk"] = "kaz", ["tt"] = "tat", ["ru"] = "rus", ["uk"] = "ukr",
        ["be"] = "bel", ["pl"] = "pol", ["cs"] = "ces", ["sk"] = "slk", ["sl"] = "slv", ["hr"] = "hrv", ["sr"] = "srp",
        ["bs"] = "bos", ["mk"] = "mkd", ["bg"] = "bul", ["tr"] = "tur", ["mt"] = "mlt", ["sq"] = "sqi", ["ky"] = "kir",
        ["id"] = "ind", ["ms"] = "msa", ["hi"] = "hin", ["ur"] = "urd", ["fi"] = "fin", ["se"] = "sme", ["an"] = "arg",
        ["sc"] = "srd", ["co"] = "cos", ["fo"] = "fao", ["he"] = "heb",
        // No ISO 639-1 code: the three-letter code is the language's code in DubAgent too.
        ["ast"] = "ast",
    };

    private static readonly Dictionary<string, string> ThreeToTwo =
        TwoToThree.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>The ISO 639-1 code of one side of an apertium mode name ("eng" or "en" both give "en"); null when unknown.</summary>
    public static string? ToIso6391(string apertiumCode)
    {
        var code = apertiumCode.ToLowerInvariant();
        if (code.Length == 2 || TwoToThree.ContainsKey(code) && TwoToThree[code] == code) return code;
        return ThreeToTwo.GetValueOrDefault(code);
    }
}
