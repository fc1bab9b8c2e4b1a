namespace DubAgent.Engines.Languages;

/// <summary>
/// A translate engine that can say which languages it reaches as a whole, not only pair by pair
/// (<see cref="Abstractions.Engines.ITranslator.SupportsAsync"/>), so the reachable languages can be listed.
/// </summary>
public interface ITranslationReach
{
    /// <summary>The languages it translates from.</summary>
    Task<LanguageSet> SourcesAsync(CancellationToken cancellationToken);

    /// <summary>The languages it translates <paramref name="source"/> into; with no source, those it translates any source into.</summary>
    Task<LanguageSet> TargetsAsync(string? source, CancellationToken cancellationToken);
}
