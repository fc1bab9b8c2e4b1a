using System.Text.RegularExpressions;

namespace DubAgent.Engines.Translation.Apertium;

/// <summary>
/// apertium marks what it could not translate: `*word` (not in the dictionary), `#word` (could not be generated),
/// `@word` (no transfer rule). The marks must never reach a voice, but a reviewer should see which words were left:
/// they are taken out of the text and returned as a list.
/// </summary>
public static partial class UnknownWordMarks
{
    /// <summary>The text without marks, and the marked words in order of first appearance.</summary>
    public static (string Text, IReadOnlyList<string> Words) Take(string translated)
    {
        var words = new List<string>();
        var text = Marked().Replace(translated, match =>
        {
            var word = match.Groups["word"].Value;
            if (!words.Contains(word, StringComparer.OrdinalIgnoreCase)) words.Add(word);
            return word;
        });
        return (text, words);
    }

    /// <summary>Mark characters in the source would read as apertium's own marks afterwards: they become spaces.</summary>
    public static string Clear(string source) => Loose().Replace(source, " ");

    [GeneratedRegex(@"[*#@]+(?<word>[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*)")]
    private static partial Regex Marked();

    [GeneratedRegex(@"[*#@]+")]
    private static partial Regex Loose();
}
