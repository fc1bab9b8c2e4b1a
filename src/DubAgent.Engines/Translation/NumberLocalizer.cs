using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DubAgent.Engines.Languages;

namespace DubAgent.Engines.Translation;

/// <summary>
/// Numbers written the source language's way become the target language's: rule-based translators (apertium) copy
/// "1,000" and "3.5" from English into Spanish, where they read as "one point zero zero zero" and a wrong decimal.
/// Only numbers that appear in the translation exactly as in the source line change: a translator that already
/// wrote "1.000" for "1,000" is left alone, so a number is never converted twice.
/// </summary>
public static class NumberLocalizer
{
    // Live dubbing localizes every line: one pattern per pair of separators, built once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Group, string Decimal), Regex> Patterns = new();

    public static DubAgent.Abstractions.Domain.Translation Localize(DubAgent.Abstractions.Domain.Translation translation)
    {
        if (Separators(translation.SourceLanguage) is not { } from || Separators(translation.TargetLanguage) is not { } to || from == to)
            return translation;
        var pattern = NumberPattern(from);
        return translation with
        {
            Segments = translation.Segments
                .Select(s => s with { TargetText = Localize(s.Text, s.TargetText, pattern, from, to) })
                .ToList(),
        };
    }

    /// <summary>The line with each number of the source written with the target's separators.</summary>
    public static string Localize(string source, string target, string sourceLanguage, string targetLanguage) =>
        Separators(sourceLanguage) is { } from && Separators(targetLanguage) is { } to && from != to
            ? Localize(source, target, NumberPattern(from), from, to)
            : target;

    private static string Localize(string source, string target, Regex pattern, (string Group, string Decimal) from, (string Group, string Decimal) to)
    {
        var written = pattern.Matches(source).Select(m => m.Value).Distinct().ToList();
        if (written.Count == 0) return target;
        var map = written.ToDictionary(n => n, n => Rewrite(n, from, to));
        return pattern.Replace(target, m => map.GetValueOrDefault(m.Value, m.Value));
    }

    private static string Rewrite(string number, (string Group, string Decimal) from, (string Group, string Decimal) to)
    {
        var cut = number.IndexOf(from.Decimal, StringComparison.Ordinal);
        var whole = cut < 0 ? number : number[..cut];
        var result = new StringBuilder(whole.Replace(from.Group, to.Group, StringComparison.Ordinal));
        if (cut >= 0) result.Append(to.Decimal).Append(number[(cut + from.Decimal.Length)..]);
        return result.ToString();
    }

    /// <summary>Grouped thousands with an optional decimal part, or digits with a decimal part, in the source's separators.</summary>
    private static Regex NumberPattern((string Group, string Decimal) separators) => Patterns.GetOrAdd(separators, BuildPattern);

    private static Regex BuildPattern((string Group, string Decimal) separators)
    {
        var group = Regex.Escape(separators.Group);
        var point = Regex.Escape(separators.Decimal);
        return new Regex($@"(?<![\p{{L}}\p{{N}}.,])(?:\d{{1,3}}(?:{group}\d{{3}})+(?:{point}\d+)?|\d+{point}\d+)(?![\p{{L}}\p{{N}}]|[.,]\d)",
            RegexOptions.CultureInvariant);
    }

    /// <summary>The language's group and decimal separators; null for a language .NET has no culture for.</summary>
    private static (string Group, string Decimal)? Separators(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return null;
        try
        {
            var format = CultureInfo.GetCultureInfo(LanguageSet.Primary(language)).NumberFormat;
            return format.NumberGroupSeparator.Length == 0 || format.NumberGroupSeparator == format.NumberDecimalSeparator
                ? null
                : (format.NumberGroupSeparator, format.NumberDecimalSeparator);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
