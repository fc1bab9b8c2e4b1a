namespace DubAgent.Engines.Voices;

/// <summary>What it takes to add a voice to the library: a name, samples of the person's speech and their consent.</summary>
/// <param name="Consent">The statement the person agreed to (required: no voice is cloned or kept without it).</param>
/// <param name="ConsentedBy">Who agreed; the actor's own name when not given.</param>
/// <param name="Engine">A cloning engine to make the voice with now (e.g. elevenlabs); null keeps the samples and consent for later.</param>
public sealed record CreateVoiceRequest(string Name, IReadOnlyList<string> Samples, string? Consent, string? ConsentedBy = null, string? Engine = null,
    string? Note = null);
