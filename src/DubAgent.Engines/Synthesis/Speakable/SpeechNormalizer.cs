namespace DubAgent.Engines.Synthesis.Speakable;

/// <summary>
/// Turns a translated line into what a voice should read, in the target language, whatever engine wrote the line:
/// stray characters (apertium's marks, brackets, markup) out, abbreviations and symbols spelled out, amounts, measures,
/// clock times and ordinals as said, numbers as words.
/// Languages without a word table keep their digits and abbreviations: the speech engines read those themselves.
/// </summary>
public static class SpeechNormalizer
{
    public static string Normalize(string? text, string language)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var line = StrayCharacters.Remove(text);
        line = SpokenAbbreviations.Expand(line, language);
        line = SpokenQuantities.Expand(line, language);
        line = NumberWords.Spell(line, language);
        return StrayCharacters.CollapseSpaces(line);
    }
}
