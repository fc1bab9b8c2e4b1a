namespace DubAgent.Engines.Translation.Apertium;

/// <summary>One installed apertium direction: its mode name (eng-spa, spa-eng_US) and its ISO 639-1 languages.</summary>
public sealed record ApertiumPair(string Mode, string Source, string Target, string? Variant)
{
    /// <summary>Parses a line of `apertium -l`; null for modes that are not a plain translation direction.</summary>
    public static ApertiumPair? Parse(string mode)
    {
        mode = mode.Trim();
        var dash = mode.IndexOf('-');
        if (dash <= 0) return null;
        var sourceCode = mode[..dash];
        var rest = mode[(dash + 1)..];
        var underscore = rest.IndexOf('_');
        var targetCode = underscore > 0 ? rest[..underscore] : rest;
        // Debugging modes (eng-spa-tagger, ...) have a further dash.
        if (targetCode.Contains('-')) return null;
        var source = ApertiumLanguageCodes.ToIso6391(sourceCode);
        var target = ApertiumLanguageCodes.ToIso6391(targetCode);
        if (source is null || target is null) return null;
        return new ApertiumPair(mode, source, target, underscore > 0 ? rest[(underscore + 1)..] : null);
    }
}
