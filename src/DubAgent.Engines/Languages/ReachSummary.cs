namespace DubAgent.Engines.Languages;

/// <summary>What one source language reaches here: the languages it can be translated into, and of those the ones
/// that can also be spoken (a dub needs both).</summary>
public sealed record SourceReach(string Source, LanguageSet TranslateTo, LanguageSet DubTo);

/// <summary>The languages reachable with the engines that can run here, for `dubagent doctor` and `list_engines`.</summary>
/// <param name="Translators">The translate engines that can run here.</param>
/// <param name="Synthesizers">The synthesize engines that can run here.</param>
/// <param name="Spoken">What the synthesizers speak.</param>
/// <param name="AnySource">True when an engine (a configured chat model) translates from any language into any.</param>
/// <param name="Sources">Per source language of the engines that list their pairs.</param>
public sealed record ReachSummary(
    IReadOnlyList<string> Translators,
    IReadOnlyList<string> Synthesizers,
    LanguageSet Spoken,
    bool AnySource,
    IReadOnlyList<SourceReach> Sources)
{
    /// <summary>One line per source: "en -> es (dub: es)".</summary>
    public IEnumerable<string> Lines()
    {
        if (AnySource) yield return $"any -> any language with {string.Join(", ", Translators)} (dub: {Spoken})";
        foreach (var source in Sources) yield return $"{source.Source} -> {source.TranslateTo} (dub: {source.DubTo})";
    }
}
