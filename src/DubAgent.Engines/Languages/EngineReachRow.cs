namespace DubAgent.Engines.Languages;

/// <summary>One line of what a translate engine reaches: its installed pairs, its pivots, what Debian could add, or a chat model's any-to-any.</summary>
/// <param name="Engine">The engine's name (apertium, llm, a plugin's).</param>
/// <param name="Reach">Which kind of reach: installed, through a pivot, installable, configured, not configured.</param>
/// <param name="Languages">The language pairs, or what would make the engine reach them.</param>
public sealed record EngineReachRow(string Engine, string Reach, string Languages);
