namespace DubAgent.Engines.Transcription.Whisper;

/// <summary>One token as Whisper gives it: text (a word starts with a space), times in centiseconds, probability.</summary>
public readonly record struct WhisperTokenPiece(string Text, long Start, long End, float Probability);

/// <summary>
/// Joins Whisper's tokens into words: a token that starts with a space starts a word, punctuation and word pieces stick
/// to the one before, special tokens ([_BEG_], [_TT_42], &lt;|en|&gt;) are left out. Times are clamped into the segment
/// and kept in order; a word's probability is its tokens' mean.
/// </summary>
public static class WhisperTokenWords
{
    /// <returns>The words in chunk seconds, or null when the tokens do not spell <paramref name="segmentText"/>.</returns>
    public static IReadOnlyList<DecodedWord>? From(IEnumerable<WhisperTokenPiece> tokens, string segmentText, double segmentStart, double segmentEnd)
    {
        var words = new List<DecodedWord>();
        string? text = null;
        double start = 0, end = 0;
        var probabilities = new List<double>();
        void Flush()
        {
            if (!string.IsNullOrWhiteSpace(text))
                words.Add(new DecodedWord(text.Trim(), start, Math.Max(start, end), probabilities.Count == 0 ? 0 : probabilities.Average()));
            text = null;
            probabilities.Clear();
        }
        foreach (var token in tokens)
        {
            if (IsSpecial(token.Text) || token.Text.Length == 0) continue;
            var tokenStart = Math.Clamp(token.Start / 100.0, segmentStart, segmentEnd);
            var tokenEnd = Math.Clamp(token.End / 100.0, tokenStart, segmentEnd);
            if (text is null || token.Text.StartsWith(' '))
            {
                Flush();
                text = token.Text;
                start = Math.Max(tokenStart, words.Count > 0 ? words[^1].End : segmentStart);
            }
            else
            {
                text += token.Text;
            }
            end = Math.Max(tokenEnd, start);
            probabilities.Add(token.Probability);
        }
        Flush();
        return Spell(words) == Spell(segmentText) ? words : null;
    }

    public static bool IsSpecial(string text) =>
        (text.StartsWith("[_", StringComparison.Ordinal) && text.EndsWith(']')) || (text.StartsWith("<|", StringComparison.Ordinal) && text.EndsWith("|>"));

    private static string Spell(IEnumerable<DecodedWord> words) => string.Concat(words.Select(w => Spell(w.Text)));

    private static string Spell(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
