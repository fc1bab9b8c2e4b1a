using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DubAgent.Abstractions.Voices;

namespace DubAgent.Engines.Synthesis.Chatterbox;

/// <summary>
/// Names of DubAgent's voices in the server's voice library. A clone is `actor-name-1a2b3c4d`: the actor's name made
/// safe for the server (ASCII letters, digits and hyphens; the server keeps each voice as NAME.ext) and a hash of the
/// consent record, so two actors, or two clones of one actor, never share a name. The server speaks a voice in the
/// language stored with it, so a clone spoken in another language gets a copy named `CLONE--es`.
/// </summary>
public static partial class ChatterboxVoiceNames
{
    private const string VariantMark = "--";

    public static string ForClone(string actor, ConsentRecord consent, int attempt = 1)
    {
        var slug = Slug(actor);
        var seed = string.Join('\n', [actor, consent.ConsentedBy, consent.Statement, consent.Date.UtcTicks.ToString(CultureInfo.InvariantCulture), .. consent.SourceClipSha256]);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..8];
        return attempt <= 1 ? $"{slug}-{hash}" : $"{slug}-{hash}-{attempt}";
    }

    /// <summary>The copy of <paramref name="clone"/> the server speaks <paramref name="language"/> with.</summary>
    public static string ForLanguage(string clone, string language) => $"{clone}{VariantMark}{language}";

    public static bool IsLanguageCopy(string name) => LanguageCopy().IsMatch(name);

    public static bool IsLanguageCopyOf(string name, string clone) =>
        name.StartsWith(clone + VariantMark, StringComparison.Ordinal) && LanguageCode().IsMatch(name[(clone.Length + VariantMark.Length)..]);

    /// <summary>The server's language code for a request's language tag ("pt-BR" → "pt", "nb" → "no").</summary>
    public static string Language(string tag)
    {
        var primary = tag.Split('-', '_')[0].Trim().ToLowerInvariant();
        return primary is "nb" or "nn" ? "no" : primary;
    }

    private static string Slug(string actor)
    {
        var plain = new StringBuilder();
        foreach (var c in actor.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            plain.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }
        var slug = Hyphens().Replace(plain.ToString(), "-").Trim('-');
        if (slug.Length > 40) slug = slug[..40].TrimEnd('-');
        return slug.Length == 0 ? "voice" : slug;
    }

    [GeneratedRegex("-{2,}")]
    private static partial Regex Hyphens();

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex("^.+--[a-z]{2,3}$")]
    private static partial Regex LanguageCopy();
}
