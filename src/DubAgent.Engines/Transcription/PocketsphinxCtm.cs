using System.Globalization;
using DubAgent.Abstractions.Domain;

namespace DubAgent.Engines.Transcription;

/// <summary>
/// Reads the CTM pocketsphinx_batch writes with -ctm: one word per line, <c>uttid channel start duration word confidence</c>,
/// times in seconds from the utterance's start. Pronunciation variants ("can(2)") lose their suffix; fillers
/// (&lt;s&gt;, &lt;sil&gt;, [NOISE], ++UM++) are dropped.
/// </summary>
public static class PocketsphinxCtm
{
    public static Dictionary<string, List<WordTiming>> Parse(IEnumerable<string> lines)
    {
        var byUtterance = new Dictionary<string, List<WordTiming>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 5 || line.StartsWith(";;", StringComparison.Ordinal)) continue;
            if (!double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var start)
                || !double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var duration)) continue;
            var word = CleanWord(parts[4]);
            if (word is null) continue;
            var confidence = parts.Length > 5 && double.TryParse(parts[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var c) ? Math.Clamp(c, 0, 1) : 1.0;
            if (!byUtterance.TryGetValue(parts[0], out var words)) byUtterance[parts[0]] = words = [];
            words.Add(new WordTiming(word, start, start + duration, confidence));
        }
        return byUtterance;
    }

    private static string? CleanWord(string word)
    {
        if (word.StartsWith('<') || word.StartsWith('[') || word.StartsWith("++", StringComparison.Ordinal)) return null;
        var variant = word.IndexOf('(');
        if (variant > 0 && word.EndsWith(')')) word = word[..variant];
        return word.Length == 0 ? null : word;
    }
}
