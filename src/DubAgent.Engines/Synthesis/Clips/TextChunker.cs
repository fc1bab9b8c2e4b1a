namespace DubAgent.Engines.Synthesis;

/// <summary>Splits a long text into pieces of at most a given length, at sentence ends, then at spaces, then anywhere.</summary>
public static class TextChunker
{
    public static IReadOnlyList<string> Split(string text, int maxChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 16);
        var pieces = new List<string>();
        var rest = text.Trim();
        while (rest.Length > maxChars)
        {
            var cut = LastBreak(rest, maxChars, ".!?;。！？") ?? LastBreak(rest, maxChars, ",:") ?? LastBreak(rest, maxChars, " ") ?? maxChars;
            pieces.Add(rest[..cut].Trim());
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0) pieces.Add(rest);
        return pieces;
    }

    /// <summary>The position just after the last break character within the limit, if it is not too early.</summary>
    private static int? LastBreak(string text, int maxChars, string breaks)
    {
        var index = text.LastIndexOfAny(breaks.ToCharArray(), maxChars - 1);
        return index >= maxChars / 3 ? index + 1 : null;
    }
}
