namespace DubAgent.Engines.Synthesis;

/// <summary>Which voice speaks for one speaker, and why.</summary>
/// <param name="Source">"arguments" (the caller's cast), "library" (the matched actor's voice for the language) or "automatic".</param>
/// <param name="OriginalPitchHz">The original speaker's median f0, when it was measured.</param>
/// <param name="Actor">The voice-library actor the speaker was given, when the library was used.</param>
/// <param name="ActorMatch">How: "matched" (by embedding, see <paramref name="ActorScore"/>), "named" (the `actors` argument) or "added" (remembered now).</param>
/// <param name="ActorScore">The embedding match score (higher is nearer; a match is at or above the kind's threshold).</param>
public sealed record CastEntry(string Speaker, string Voice, string Source, double? OriginalPitchHz = null, double? VoicePitch = null,
    string? Actor = null, string? ActorMatch = null, double? ActorScore = null);
