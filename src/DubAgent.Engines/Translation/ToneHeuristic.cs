namespace DubAgent.Engines.Translation;

/// <summary>
/// A tone tag from the source line's punctuation, for engines that cannot judge tone (apertium):
/// exclamations read as "emphatic", questions as "questioning", trailing dots as "hesitant", the rest "neutral".
/// </summary>
public static class ToneHeuristic
{
    public static string For(string sourceText)
    {
        var text = sourceText.Trim();
        if (text.Contains('!')) return "emphatic";
        if (text.EndsWith("...", StringComparison.Ordinal) || text.EndsWith('…')) return "hesitant";
        if (text.EndsWith('?')) return "questioning";
        return "neutral";
    }
}
