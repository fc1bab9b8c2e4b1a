using System.Text.Json.Serialization;

namespace DubAgent.Engines.Languages;

/// <summary>
/// Languages an engine or this machine reaches, as primary ISO 639 codes (es, en, cmn; regions such as en-us are folded
/// into their language), or every language for an engine such as a chat model that takes any.
/// </summary>
public sealed class LanguageSet
{
    private readonly HashSet<string> _codes;

    private LanguageSet(bool any, IEnumerable<string> codes)
    {
        Any = any;
        _codes = new HashSet<string>(codes.Select(Primary).Where(c => c.Length > 0), StringComparer.Ordinal);
        Codes = _codes.Order(StringComparer.Ordinal).ToList();
    }

    public static LanguageSet None { get; } = new(false, []);

    public static LanguageSet Every { get; } = new(true, []);

    public static LanguageSet Of(IEnumerable<string> codes) => new(false, codes);

    /// <summary>True when every language is reached (then <see cref="Codes"/> is empty).</summary>
    public bool Any { get; }

    public IReadOnlyList<string> Codes { get; }

    [JsonIgnore]
    public bool IsEmpty => !Any && _codes.Count == 0;

    /// <summary>Whether the language (es, pt-BR, en_US) is reached; a region counts as its language.</summary>
    public bool Contains(string language) => Any || _codes.Contains(Primary(language));

    public LanguageSet Union(LanguageSet other) => Any || other.Any ? Every : Of(_codes.Concat(other._codes));

    public LanguageSet Intersect(LanguageSet other) =>
        Any ? other : other.Any ? this : Of(_codes.Where(other._codes.Contains));

    public LanguageSet Without(string language) => Any ? this : Of(_codes.Where(c => c != Primary(language)));

    public override string ToString() => Any ? "any language" : IsEmpty ? "none" : string.Join(", ", Codes);

    /// <summary>Whether two codes name the same language, whatever their region or script ("es-MX" and "es_ES").</summary>
    public static bool SamePrimary(string a, string b) => Primary(a) == Primary(b);

    /// <summary>The language part of a code: "en-GB" and "en_us" are "en".</summary>
    public static string Primary(string code)
    {
        var trimmed = code.Trim();
        var cut = trimmed.IndexOfAny(['-', '_']);
        return (cut >= 0 ? trimmed[..cut] : trimmed).ToLowerInvariant();
    }
}
