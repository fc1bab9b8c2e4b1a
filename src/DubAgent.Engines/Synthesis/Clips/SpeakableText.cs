using System.Globalization;
using System.Text;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// The part of a line a speech engine can say: control and format characters, emoji and other pictographs,
/// private-use and unassigned code points are dropped; line breaks and runs of spaces become one space.
/// </summary>
public static class SpeakableText
{
    /// <param name="Text">The cleaned text (may be empty).</param>
    /// <param name="Removed">How many characters were dropped (whitespace changes do not count).</param>
    public readonly record struct Result(string Text, int Removed)
    {
        /// <summary>Something an engine can say: at least one letter or digit.</summary>
        public bool IsSpeakable => Text.Any(char.IsLetterOrDigit);
    }

    public static Result Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return new Result("", 0);
        var normalized = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        var removed = 0;
        var pendingSpace = false;
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || rune.Value is '\n' or '\r' or '\t')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (!IsSpeakable(rune))
            {
                removed++;
                continue;
            }
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(rune.ToString());
        }
        return new Result(builder.ToString(), removed);
    }

    private static bool IsSpeakable(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol => false,
        _ => rune.Value != 0xFFFD,
    };
}
