namespace DubAgent.Engines.Translation.Apertium;

/// <summary>One translated line and the words apertium could not translate in it (their marks already removed).</summary>
public sealed record ApertiumLine(string Text, IReadOnlyList<string> UnknownWords);
