namespace DubAgent.Core.Media;

/// <summary>ISO 639-1 (two letters, used across DubAgent) to ISO 639-2/B (three letters, what MP4/MKV language tags hold).</summary>
public static class LanguageCodes
{
    private static readonly Dictionary<string, string> TwoToThree = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "eng", ["es"] = "spa", ["fr"] = "fre", ["de"] = "ger", ["it"] = "ita", ["pt"] = "por", ["ca"] = "cat",
        ["nl"] = "dut", ["ru"] = "rus", ["zh"] = "chi", ["ja"] = "jpn", ["ko"] = "kor", ["ar"] = "ara", ["tr"] = "tur",
        ["pl"] = "pol", ["sv"] = "swe", ["da"] = "dan", ["no"] = "nor", ["nb"] = "nob", ["fi"] = "fin", ["el"] = "gre",
        ["hi"] = "hin", ["he"] = "heb", ["cs"] = "cze", ["ro"] = "rum", ["hu"] = "hun", ["uk"] = "ukr", ["gl"] = "glg",
        ["eu"] = "baq", ["oc"] = "oci", ["eo"] = "epo", ["id"] = "ind", ["vi"] = "vie", ["th"] = "tha", ["fa"] = "per",
    };

    /// <summary>The two-letter codes DubAgent knows, for clients that offer them as choices.</summary>
    public static IReadOnlyCollection<string> Known => TwoToThree.Keys;

    public static string ToIso6392(string code) =>
        code.Length == 3 ? code.ToLowerInvariant() : TwoToThree.GetValueOrDefault(code, "und");
}
