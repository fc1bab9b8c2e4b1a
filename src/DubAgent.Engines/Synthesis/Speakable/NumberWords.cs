using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using DubAgent.Engines.Languages;
using Humanizer;

namespace DubAgent.Engines.Synthesis.Speakable;

/// <summary>
/// Numbers written as the target language says them (Humanizer's number-to-words converters): "1.234" in Spanish is
/// "mil doscientos treinta y cuatro", "3,5" is "tres coma cinco". Humanizer falls back to English for a language it has
/// no converter for; such languages keep their digits (the speech engines read digits in their own language).
/// </summary>
public static partial class NumberWords
{
    /// <summary>The word between the whole and the decimal part, per language; other languages read the separator themselves.</summary>
    private static readonly Dictionary<string, string> DecimalWord = new(StringComparer.Ordinal)
    {
        ["en"] = "point", ["es"] = "coma", ["fr"] = "virgule", ["it"] = "virgola", ["pt"] = "vírgula", ["ca"] = "coma",
        ["de"] = "Komma", ["ro"] = "virgulă", ["nl"] = "komma", ["pl"] = "przecinek", ["ru"] = "запятая",
    };

    private static readonly ConcurrentDictionary<string, bool> Spelled = new(StringComparer.Ordinal);

    public static string Spell(string text, string language)
    {
        var key = LanguageSet.Primary(language);
        if (!Spells(key)) return text;
        var culture = CultureInfo.GetCultureInfo(key);
        var group = culture.NumberFormat.NumberGroupSeparator;
        return Number().Replace(text, match =>
        {
            var written = match.Value;
            var next = WordAfter(text, match.Index + match.Length);
            if (written.All(char.IsAsciiDigit)) return Counting(written, key, next, culture) ?? written;
            // 1,000 in English, 1.000 in Spanish, 1 000 in French: the language's group separator before each three digits.
            var separators = written.Where(c => !char.IsAsciiDigit(c)).Distinct().ToList();
            if (GroupedThousands().IsMatch(written) && separators.All(c => group.Contains(c) || c is '\u00A0' or '\u202F'))
                return Counting(new string(written.Where(char.IsAsciiDigit).ToArray()), key, next, culture) ?? written;
            if (separators.Count != 1 || written.Count(c => c is '.' or ',') != 1 || DecimalWord.GetValueOrDefault(key) is not { } spokenPoint)
                return written;
            var cut = written.IndexOfAny(['.', ',']);
            var fraction = written[(cut + 1)..];
            // A short part without a leading zero is read as a number (3,5: three point five), a longer one digit by digit.
            var decimals = fraction.Length <= 2 && fraction[0] != '0'
                ? Words(fraction, culture)
                : string.Join(' ', fraction.Select(d => Words(d.ToString(), culture)));
            return Words(written[..cut], culture) is { } whole && decimals is not null ? $"{whole} {spokenPoint} {decimals}" : written;
        });
    }

    /// <summary>Whether Humanizer has a converter of its own for the language (not its English fallback).</summary>
    public static bool Spells(string language) => Spelled.GetOrAdd(LanguageSet.Primary(language), key =>
    {
        if (key == "en") return true;
        try
        {
            var culture = CultureInfo.GetCultureInfo(key);
            return !string.Equals(7.ToWords(culture), 7.ToWords(CultureInfo.GetCultureInfo("en")), StringComparison.Ordinal);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    });

    /// <summary>A whole number as words, agreeing with the noun it counts when the language inflects numbers (una persona).</summary>
    private static string? Counting(string digits, string language, string? next, CultureInfo culture)
    {
        if (CountedNoun.GenderOf(language, next) is not { } gender || digits.Length > 15
            || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return Words(digits, culture);
        return CountedNoun.Say(value, language, gender, next!, culture);
    }

    /// <summary>The word right after a number (spaces between, nothing else), or null.</summary>
    private static string? WordAfter(string text, int from)
    {
        var start = from;
        while (start < text.Length && text[start] is ' ' or '\u00A0' or '\u202F') start++;
        if (start == from) return null;
        var end = start;
        while (end < text.Length && char.IsLetter(text[end])) end++;
        return end > start ? text[start..end] : null;
    }

    /// <summary>The digits as words; null past what a voice would read as one number (a code or an id, left as written).</summary>
    private static string? Words(string digits, CultureInfo culture) =>
        digits.Length <= 15 && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value <= int.MaxValue ? ((int)value).ToWords(culture) : value.ToWords(culture)
            : null;

    /// <summary>A number: digits, optionally grouped by thousands or with one decimal part; not part of a word (mp3, 4K).</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}.,])(?:\d{1,3}(?:[.,\u00A0\u202F]\d{3})+|\d+(?:[.,]\d+)?)(?![\p{L}\p{N}]|[.,]\d)")]
    private static partial Regex Number();

    [GeneratedRegex(@"^\d{1,3}(?:[.,\u00A0\u202F]\d{3})+$")]
    private static partial Regex GroupedThousands();
}
