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
    /// <summary>Per translate engine: installed pairs, pivots, installable packages, the chat model.</summary>
    public IReadOnlyList<EngineReachRow> ByEngine { get; init; } = [];

    /// <summary>Per synthesize engine with fetchable voices (piper): the languages of its voices here, and what a pull adds.</summary>
    public IReadOnlyList<EngineReachRow> SpokenByEngine { get; init; } = [];

    /// <summary>Rows for people: what is translated, what is spoken, and what a dub reaches from each source.</summary>
    public IEnumerable<(string What, string Languages)> Rows()
    {
        var translators = Translators.Count == 0 ? "no engine" : string.Join(", ", Translators);
        yield return ($"translate ({translators})", AnySource
            ? "any language -> any language"
            : Sources.Count == 0 ? "none" : string.Join(", ", Sources.SelectMany(s => s.TranslateTo.Codes.Select(t => $"{s.Source} -> {t}"))));
        foreach (var row in ByEngine) yield return ($"  {row.Engine}: {row.Reach}", row.Languages);
        var synthesizers = Synthesizers.Count == 0 ? "no engine" : string.Join(", ", Synthesizers);
        yield return ($"speak ({synthesizers})", Spoken.Any ? "any language" : $"{Spoken.Codes.Count}: {Spoken}");
        foreach (var row in SpokenByEngine) yield return ($"  {row.Engine}: {row.Reach}", row.Languages);
        if (AnySource) yield return ("dub from any language", Spoken.ToString());
        else foreach (var source in Sources) yield return ($"dub from {source.Source}", source.DubTo.ToString());
    }
}
