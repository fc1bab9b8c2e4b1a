using DubAgent.Engines.Languages;

namespace DubAgent.Engines.Translation.Timing;

/// <summary>
/// Typical speaking rates in syllables per second, per ISO 639-1 language: how many syllables a slot holds.
/// </summary>
/// <remarks>
/// Measured rates (read speech, mean over speakers) from F. Pellegrino, C. Coupé and E. Marsico,
/// "A cross-language perspective on speech information rate", Language 87(3), 2011, table 2:
/// English 6.19, French 7.18, German 5.97, Italian 6.99, Japanese 7.84, Mandarin 5.18, Spanish 7.82,
/// Vietnamese 5.22. Rates marked "estimate" are not from a measurement: they borrow the figure of a
/// closely related language or the cross-language mean (about 6.6, Coupé et al., "Different languages,
/// similar encoding efficiency", Science Advances 5(9), 2019) and should be replaced when measured.
/// </remarks>
public static class SpeakingRates
{
    /// <summary>The cross-language mean, used for languages not in the table.</summary>
    public const double Default = 6.6;

    private static readonly Dictionary<string, double> Rates = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = 6.19, // Pellegrino 2011
        ["fr"] = 7.18, // Pellegrino 2011
        ["de"] = 5.97, // Pellegrino 2011
        ["it"] = 6.99, // Pellegrino 2011
        ["ja"] = 7.84, // Pellegrino 2011 (morae counted as syllables)
        ["zh"] = 5.18, // Pellegrino 2011 (Mandarin)
        ["es"] = 7.82, // Pellegrino 2011
        ["vi"] = 5.22, // Pellegrino 2011
        ["ca"] = 7.0,  // estimate: between Spanish and French
        ["gl"] = 7.5,  // estimate: close to Spanish
        ["pt"] = 7.0,  // estimate: Romance mean
        ["ro"] = 7.0,  // estimate: Romance mean
        ["oc"] = 7.0,  // estimate: Romance mean
        ["nl"] = 6.0,  // estimate: close to German
        ["sv"] = 6.0,  // estimate: close to German
        ["da"] = 6.0,  // estimate: close to German
        ["no"] = 6.0,  // estimate: close to German
        ["nb"] = 6.0,  // estimate: close to German
        ["tr"] = 6.6,  // estimate: cross-language mean
        ["ru"] = 6.6,  // estimate: cross-language mean
        ["pl"] = 6.6,  // estimate: cross-language mean
        ["ko"] = 6.6,  // estimate: cross-language mean
        ["ar"] = 6.6,  // estimate: cross-language mean
    };

    /// <summary>Syllables per second for the language, or <see cref="Default"/> when it is not in the table.</summary>
    public static double For(string language) =>
        Rates.TryGetValue(LanguageSet.Primary(language), out var rate) ? rate : Default;

    /// <summary>Whether the rate comes from the table (measured or estimated) rather than the default.</summary>
    public static bool Knows(string language) => Rates.ContainsKey(LanguageSet.Primary(language));
}
