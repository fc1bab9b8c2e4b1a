namespace DubAgent.Abstractions.Voices;

/// <summary>
/// A synthesis engine that can make a voice from samples of a person's speech (ElevenLabs' voice add, a reference-voice
/// speech server). DubAgent only calls it with a consent record in hand.
/// </summary>
public interface IVoiceCloner
{
    /// <summary>Makes the voice and returns the engine's id for it (the `voice` to synthesize with).</summary>
    Task<string> CloneAsync(string name, IReadOnlyList<string> samples, ConsentRecord consent, CancellationToken cancellationToken);
}
