namespace DubAgent.Engines.Synthesis;

/// <summary>Which voice speaks for one speaker, and why.</summary>
/// <param name="Source">"arguments" (the caller's cast), "library" (the matched actor's voice for the language) or "automatic".</param>
/// <param name="OriginalPitchHz">The original speaker's median f0, when it was measured.</param>
/// <param name="Actor">The voice-library actor the speaker was given, when the library was used.</param>
/// <param name="ActorMatch">How: "matched" (by embedding, see <paramref name="ActorScore"/>), "named" (the `actors` argument) or "added" (remembered now).</param>
/// <param name="ActorScore">The embedding match score (higher is nearer; a match is at or above the kind's threshold).</param>
/// <param name="LibraryVoice">For a library voice: "assigned" (the actor's voice for the language) or "cloned" (a voice cloned from them).</param>
/// <param name="Rate">Speaking-rate factor the actor's assignment sets (1 = the voice's own), passed to the engine as the `rate` option.</param>
/// <param name="Pitch">Pitch shift in semitones the actor's assignment sets, passed to the engine as the `pitch` option.</param>
public sealed record CastEntry(string Speaker, string Voice, string Source, double? OriginalPitchHz = null, double? VoicePitch = null,
    string? Actor = null, string? ActorMatch = null, double? ActorScore = null, string? LibraryVoice = null, double? Rate = null, double? Pitch = null)
{
    /// <summary>The engine options this cast sets (`rate`, `pitch`, invariant numbers), or null when it sets none.</summary>
    public IReadOnlyDictionary<string, string>? SpeechOptions()
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Rate is { } rate && rate > 0 && rate != 1) options["rate"] = rate.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        if (Pitch is { } pitch && pitch != 0) options["pitch"] = pitch.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return options.Count == 0 ? null : options;
    }
}
