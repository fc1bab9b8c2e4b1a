using System.Globalization;
using System.Text.RegularExpressions;
using DubAgent.Engines.Languages;
using Humanizer;

namespace DubAgent.Engines.Synthesis.Speakable;

/// <summary>
/// Amounts, measures, clock times and ordinals as they are said, before numbers become words: "$5" is "5 dólares",
/// "20 km/h" "20 kilómetros por hora", "10:00" "las diez en punto", "2º" "segundo". A voice reading them as written
/// says "dólar cinco", "ka eme hache", "diez cero". The number is left in digits for <see cref="NumberWords"/>, which
/// then agrees it with the unit it counts (una libra, un euro).
/// </summary>
public static partial class SpokenQuantities
{
    // The written forms, in the order of each table's entries (declared first: the tables are built from it).
    private static readonly string[] Written = ["$", "€", "£", "km/h", "km", "m", "cm", "mm", "kg", "g", "l", "ml"];

    /// <summary>Per language: the unit as written → (singular, plural).</summary>
    private static readonly Dictionary<string, Dictionary<string, (string One, string Many)>> Units = new(StringComparer.Ordinal)
    {
        ["es"] = Table("dólar dólares|euro euros|libra libras|kilómetro por hora kilómetros por hora|kilómetro kilómetros|metro metros|centímetro centímetros|milímetro milímetros|kilo kilos|gramo gramos|litro litros|mililitro mililitros"),
        ["ca"] = Table("dòlar dòlars|euro euros|lliura lliures|quilòmetre per hora quilòmetres per hora|quilòmetre quilòmetres|metre metres|centímetre centímetres|mil·límetre mil·límetres|quilo quilos|gram grams|litre litres|mil·lilitre mil·lilitres"),
        ["pt"] = Table("dólar dólares|euro euros|libra libras|quilómetro por hora quilómetros por hora|quilómetro quilómetros|metro metros|centímetro centímetros|milímetro milímetros|quilo quilos|grama gramas|litro litros|mililitro mililitros"),
        ["it"] = Table("dollaro dollari|euro euro|sterlina sterline|chilometro orario chilometri orari|chilometro chilometri|metro metri|centimetro centimetri|millimetro millimetri|chilo chili|grammo grammi|litro litri|millilitro millilitri"),
        ["fr"] = Table("dollar dollars|euro euros|livre livres|kilomètre heure kilomètres heure|kilomètre kilomètres|mètre mètres|centimètre centimètres|millimètre millimètres|kilo kilos|gramme grammes|litre litres|millilitre millilitres"),
        ["de"] = Table("Dollar Dollar|Euro Euro|Pfund Pfund|Stundenkilometer Stundenkilometer|Kilometer Kilometer|Meter Meter|Zentimeter Zentimeter|Millimeter Millimeter|Kilo Kilo|Gramm Gramm|Liter Liter|Milliliter Milliliter"),
        ["en"] = Table("dollar dollars|euro euros|pound pounds|kilometer per hour kilometers per hour|kilometer kilometers|meter meters|centimeter centimeters|millimeter millimeters|kilo kilos|gram grams|liter liters|milliliter milliliters"),
    };

    private static Dictionary<string, (string, string)> Table(string entries) =>
        entries.Split('|').Select((e, i) => (Written[i], Split(e))).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);

    // "kilómetro kilómetros" → both halves; a multi-word unit has the same number of words in each half.
    private static (string, string) Split(string entry)
    {
        var words = entry.Split(' ');
        var half = words.Length / 2;
        return (string.Join(' ', words[..half]), string.Join(' ', words[half..]));
    }

    public static string Expand(string text, string language)
    {
        var key = LanguageSet.Primary(language);
        if (!Units.TryGetValue(key, out var units)) return text;
        text = CurrencyFirst().Replace(text, m => Amount(m.Groups["n"].Value, units[m.Groups["u"].Value]));
        // "km h": the slash of km/h is gone by now (stray characters are removed first).
        text = UnitAfter().Replace(text, m => Amount(m.Groups["n"].Value, units[m.Groups["u"].Value.Replace(' ', '/')]));
        text = ClockTime().Replace(text, m => Time(int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), key) ?? m.Value);
        return Ordinal().Replace(text, m => OrdinalWords(m, key, BeforeWord(text, m.Index + m.Length)) ?? m.Value);
    }

    private static string Amount(string number, (string One, string Many) unit) =>
        $"{number} {(number is "1" or "1,0" or "1.0" ? unit.One : unit.Many)}";

    /// <summary>A clock time as said; null for a language without a rule (the digits stay).</summary>
    private static string? Time(int hours, int minutes, string language)
    {
        if (hours > 24 || minutes > 59) return null;
        var culture = CultureInfo.GetCultureInfo(language);
        // Hours count "horas" (feminine) in the Romance languages: la una, las veintiuna.
        string Hours() => language is "es" or "pt" or "ca" or "it" ? hours.ToWords(GrammaticalGender.Feminine, culture) : hours.ToWords(culture);
        string Minutes() => minutes.ToWords(culture);
        return language switch
        {
            "es" => minutes switch { 0 => $"{Hours()} en punto", 15 => $"{Hours()} y cuarto", 30 => $"{Hours()} y media", _ => $"{Hours()} y {Minutes()}" },
            "pt" => minutes == 0 ? $"{Hours()} em ponto" : $"{Hours()} e {Minutes()}",
            "ca" or "it" => minutes == 0 ? Hours() : $"{Hours()} {(language == "ca" ? "i" : "e")} {Minutes()}",
            "fr" => minutes == 0 ? $"{Hours()} {(hours == 1 ? "heure" : "heures")}" : $"{Hours()} {(hours == 1 ? "heure" : "heures")} {Minutes()}",
            "de" => minutes == 0 ? $"{Hours()} Uhr" : $"{Hours()} Uhr {Minutes()}",
            "en" => minutes == 0 ? $"{Hours()} o'clock" : minutes < 10 ? $"{Hours()} oh {Minutes()}" : $"{Hours()} {Minutes()}",
            _ => null,
        };
    }

    // Whether a word follows (after spaces): Spanish says "el primer puesto" but "llegó el primero".
    private static bool BeforeWord(string text, int from)
    {
        var at = from;
        while (at < text.Length && text[at] == ' ') at++;
        return at > from && at < text.Length && char.IsLetter(text[at]);
    }

    private static string? OrdinalWords(Match match, string language, bool beforeNoun)
    {
        var n = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var mark = match.Groups["o"].Value;
        var culture = CultureInfo.GetCultureInfo(language);
        return (language, mark) switch
        {
            ("es", "º") when beforeNoun => n.ToOrdinalWords(GrammaticalGender.Masculine, WordForm.Abbreviation, culture),
            ("es" or "pt" or "it" or "ca", "º") => n.ToOrdinalWords(GrammaticalGender.Masculine, culture),
            ("es" or "pt" or "it" or "ca", "ª") => n.ToOrdinalWords(GrammaticalGender.Feminine, culture),
            ("fr", "e" or "ème" or "er" or "re") => n.ToOrdinalWords(mark == "re" ? GrammaticalGender.Feminine : GrammaticalGender.Masculine, culture),
            ("en", "st" or "nd" or "rd" or "th") => n.ToOrdinalWords(culture),
            _ => null,
        };
    }

    /// <summary>A currency symbol before its amount: "$5", "€ 1,50".</summary>
    [GeneratedRegex(@"(?<u>[$€£])\s?(?<n>\d+(?:[.,]\d+)*)(?![\p{L}\p{N}])")]
    private static partial Regex CurrencyFirst();

    /// <summary>An amount followed by its unit: "5 €", "20 km/h", "1,5 kg" (the unit not part of a longer word).</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}.,])(?<n>\d+(?:[.,]\d+)*)\s?(?<u>km/h|km h|km|cm|mm|kg|ml|m|g|l|[$€£])(?![\p{L}\p{N}/])")]
    private static partial Regex UnitAfter();

    /// <summary>A clock time: 10:00, 3:30, 21h15 (French).</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}:])(?<h>[01]?\d|2[0-4])[:h](?<m>[0-5]\d)(?![\p{N}:])")]
    private static partial Regex ClockTime();

    /// <summary>An ordinal: 2º, 1ª, 3er/1re/2e/2ème (French), 2nd (English).</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<n>\d{1,3})(?<o>º|ª|ème|er|re|e|st|nd|rd|th)(?![\p{L}\p{N}])")]
    private static partial Regex Ordinal();
}
