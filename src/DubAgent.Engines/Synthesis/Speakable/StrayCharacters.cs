using System.Text.RegularExpressions;

namespace DubAgent.Engines.Synthesis.Speakable;

/// <summary>
/// Characters a voice must not read: apertium's unknown-word marks (*word, #word, @word), markdown emphasis, brackets,
/// underscores, pipes, slashes between words. They become spaces (a word stays a word); text stays otherwise as written.
/// </summary>
public static partial class StrayCharacters
{
    public static string Remove(string text) => Stray().Replace(text, " ");

    public static string CollapseSpaces(string text) => SpaceBeforePunctuation().Replace(Spaces().Replace(text, " ").Trim(), "$1");

    /// <summary>Marks and markup anywhere; a slash only between words (3/4 is a number for <see cref="NumberWords"/>).</summary>
    [GeneratedRegex(@"[*#@_|~^\\\[\]{}<>]+|(?<=\p{L})/|/(?=\p{L})")]
    private static partial Regex Stray();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+([.,!?;:…)])")]
    private static partial Regex SpaceBeforePunctuation();
}
