namespace DubAgent.Abstractions.Voices;

/// <summary>
/// A synthesis engine that can make a voice from samples of a person's speech (ElevenLabs' voice add, a reference-voice
/// speech server). DubAgent only calls it with a consent record in hand. The id it returns is the `voice` the same
/// engine synthesizes with.
/// </summary>
public interface IVoiceCloner
{
    /// <summary>Makes the voice and returns the engine's id for it (the `voice` to synthesize with).</summary>
    Task<string> CloneAsync(string name, IReadOnlyList<string> samples, ConsentRecord consent, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a voice this engine cloned (when the actor is deleted or consent is withdrawn). Engines that keep nothing
    /// on their side (a server given the reference clip with each request) have nothing to remove.
    /// </summary>
    Task DeleteClonedVoiceAsync(string voiceId, CancellationToken cancellationToken) => Task.CompletedTask;
}
