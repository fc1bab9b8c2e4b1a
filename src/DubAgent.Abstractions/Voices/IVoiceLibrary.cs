namespace DubAgent.Abstractions.Voices;

/// <summary>
/// The voice library: actors that persist across jobs and processes (one small database in `Voices:Directory`).
/// Every method is safe to call from several processes at once. Names are matched case-insensitively.
/// </summary>
public interface IVoiceLibrary
{
    /// <summary>The library's folder (database and reference clips).</summary>
    string Directory { get; }

    Task<IReadOnlyList<VoiceActor>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The actor of that name, or null.</summary>
    Task<VoiceActor?> FindAsync(string name, CancellationToken cancellationToken);

    /// <summary>Adds an actor; an InputException when the name is taken or not a usable name.</summary>
    Task<VoiceActor> CreateAsync(string name, string? note, CancellationToken cancellationToken);

    /// <summary>Copies a clip into the library (named by its SHA-256) and records it for the actor; the same clip twice is kept once.</summary>
    Task<ReferenceClip> AddClipAsync(string actor, string file, double seconds, string? source, CancellationToken cancellationToken);

    Task AddEmbeddingAsync(string actor, SpeakerEmbedding embedding, CancellationToken cancellationToken);

    /// <summary>Sets (or replaces) the actor's voice for the assignment's language.</summary>
    Task AssignAsync(string actor, VoiceAssignment assignment, CancellationToken cancellationToken);

    /// <summary>Records a consent for the actor's voice; refuses an empty statement or signatory.</summary>
    Task AddConsentAsync(string actor, ConsentRecord consent, CancellationToken cancellationToken);

    /// <summary>Records a voice an engine cloned from the actor's samples; refuses it without a consent record.</summary>
    Task AddClonedVoiceAsync(string actor, ClonedVoice voice, CancellationToken cancellationToken);

    /// <summary>Removes the actor, their records and their clip copies; false when there was no such actor.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken);
}
