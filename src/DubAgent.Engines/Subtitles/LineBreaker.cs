namespace DubAgent.Engines.Subtitles;

/// <summary>
/// Breaks a cue's text into lines of at most the limit: two lines are balanced (similar lengths, the break after
/// punctuation where it costs little), more lines are filled greedily.
/// </summary>
public static class LineBreaker
{
    /// <summary>The lines, or null when the text needs more than <paramref name="maxLines"/> lines.</summary>
    public static IReadOnlyList<string>? Break(string text, int maxLineLength, int maxLines)
    {
        text = Normalize(text);
        if (text.Length == 0) return [];
        if (text.Length <= maxLineLength) return [text];
        if (maxLines >= 2)
        {
            var two = BreakInTwo(text, maxLineLength);
            if (two is not null) return two;
        }
        if (maxLines <= 2) return null;
        var greedy = Greedy(text, maxLineLength);
        return greedy.Count <= maxLines ? greedy : null;
    }

    public static bool Fits(string text, int maxLineLength, int maxLines) => Break(text, maxLineLength, maxLines) is not null;

    public static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static IReadOnlyList<string>? BreakInTwo(string text, int max)
    {
        var best = -1;
        var bestCost = double.MaxValue;
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] != ' ') continue;
            var first = i;
            var second = text.Length - i - 1;
            if (first > max || second > max) continue;
            // Balance first; a break after punctuation is worth a few characters of imbalance.
            double cost = Math.Abs(first - second);
            if (",.;:!?…".Contains(text[i - 1])) cost -= 6;
            if (cost < bestCost) { bestCost = cost; best = i; }
        }
        return best < 0 ? null : [text[..best], text[(best + 1)..]];
    }

    private static List<string> Greedy(string text, int max)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' '))
        {
            if (line.Length == 0) line = word;
            else if (line.Length + 1 + word.Length <= max) line += " " + word;
            else { lines.Add(line); line = word; }
        }
        if (line.Length > 0) lines.Add(line);
        return lines;
    }
}
