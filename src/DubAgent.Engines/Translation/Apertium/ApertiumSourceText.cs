using System.Text.RegularExpressions;
using DubAgent.Engines.Languages;

namespace DubAgent.Engines.Translation.Apertium;

/// <summary>
/// Prepares a transcript line for apertium, whose dictionaries are case-sensitive where speech recognisers are not:
/// lowercase engines (pocketsphinx) write the English pronoun as "i", which apertium leaves untranslated ("i Lo cogió
/// bien"), so it is written "I" again. Characters apertium uses as its own marks are cleared.
/// </summary>
public static partial class ApertiumSourceText
{
    public static string Prepare(string text, string sourceLanguage)
    {
        var line = UnknownWordMarks.Clear(text);
        if (string.Equals(LanguageSet.Primary(sourceLanguage), "en", StringComparison.OrdinalIgnoreCase))
            line = EnglishPronoun().Replace(line, "I");
        return line;
    }

    /// <summary>"i" alone or before a contraction (i'm, i'll, i've, i'd), not a letter of a word.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}'’])i(?=['’](?:m|ll|ve|d)\b|(?![\p{L}\p{N}'’]))")]
    private static partial Regex EnglishPronoun();
}
