namespace DubAgent.Engines.Synthesis;

/// <summary>Which voice speaks for one speaker, and why.</summary>
/// <param name="Source">"arguments" (the caller's cast) or "automatic".</param>
/// <param name="OriginalPitchHz">The original speaker's median f0, when it was measured.</param>
public sealed record CastEntry(string Speaker, string Voice, string Source, double? OriginalPitchHz = null, double? VoicePitch = null);
