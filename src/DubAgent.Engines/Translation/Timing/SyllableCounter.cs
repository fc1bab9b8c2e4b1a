using System.Text;

namespace DubAgent.Engines.Translation.Timing;

/// <summary>
/// Estimates how many syllables a line has when spoken: vowel groups for alphabetic scripts, one per character for
/// Han, kana and Hangul, about two per digit. An estimate for timing, not a phonological analysis.
/// </summary>
public static class SyllableCounter
{
    /// <summary>Languages whose spelling marks hiatus: a, e, o and accented vowels do not join into one syllable.</summary>
    private static readonly string[] HiatusLanguages = ["es", "ca", "gl", "pt", "it"];

    private const string StrongVowels = "aeoáéóíúàèòâêôãõ";

    private const string AccentedVowels = "áàâäãåæéèêëíìîïóòôöõøœúùûüýÿąęėįųūāēīōıəаеёиоуыэюяіїєαεηιουωάέήίόύώ";

    public static int Count(string text, string language)
    {
        if (string.IsNullOrWhiteSpace(text)) return 0;
        var english = language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var hiatus = HiatusLanguages.Any(l => language.StartsWith(l, StringComparison.OrdinalIgnoreCase));
        var total = 0;
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (IsSyllabicCharacter(c))
            {
                total += CountWord(word, english, hiatus) + 1;
                continue;
            }
            if (char.IsLetterOrDigit(c) || c == '\'' || c == '’') { word.Append(c); continue; }
            total += CountWord(word, english, hiatus);
        }
        return total + CountWord(word, english, hiatus);
    }

    private static int CountWord(StringBuilder word, bool english, bool hiatus)
    {
        if (word.Length == 0) return 0;
        var text = word.ToString().ToLowerInvariant();
        word.Clear();
        var digits = text.Count(char.IsDigit);
        var letters = new string(text.Where(c => !char.IsDigit(c)).ToArray());
        var syllables = digits * 2 + CountVowelGroups(letters, english, hiatus);
        return Math.Max(1, syllables);
    }

    private static int CountVowelGroups(string word, bool english, bool hiatus)
    {
        var groups = 0;
        var inVowel = false;
        for (var i = 0; i < word.Length; i++)
        {
            var vowel = IsVowel(word, i, english);
            // Two strong vowels side by side are two syllables in Spanish-like spelling ("po-e-ta", "dí-as").
            if (vowel && (!inVowel || (hiatus && StrongVowels.Contains(word[i]) && StrongVowels.Contains(word[i - 1])))) groups++;
            inVowel = vowel;
        }
        if (english && groups > 1 && word.Length > 3)
        {
            // Silent endings: "make", "times", "walked" (but "table", "buses", "wanted" keep theirs).
            if (word.EndsWith('e') && !word.EndsWith("le") && !IsVowel(word, word.Length - 2, english)) groups--;
            else if (word.EndsWith("es") && !"sxzhgc".Contains(word[^3]) && !IsVowel(word, word.Length - 3, english)) groups--;
            else if (word.EndsWith("ed") && !"td".Contains(word[^3])) groups--;
        }
        return groups;
    }

    private static bool IsVowel(string word, int index, bool english) => word[index] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => true,
        // English y is a vowel except at the start ("yes"); elsewhere only word-final ("muy" stays one group anyway).
        'y' => english ? index > 0 : index == word.Length - 1 && index > 0,
        var c => AccentedVowels.Contains(c),
    };

    /// <summary>Scripts where one written character is about one spoken syllable (or mora).</summary>
    private static bool IsSyllabicCharacter(char c) =>
        (c >= '\u3041' && c <= '\u30FA' && "ゃゅょャュョっッ".IndexOf(c) < 0) // kana (small ya/yu/yo and the small tsu join the previous mora)
        || (c >= '\u4E00' && c <= '\u9FFF') // CJK ideographs
        || (c >= '\uAC00' && c <= '\uD7AF'); // Hangul syllables
}
