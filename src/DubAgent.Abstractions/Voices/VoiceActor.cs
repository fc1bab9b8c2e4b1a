namespace DubAgent.Abstractions.Voices;

/// <summary>
/// A person whose voice the library remembers across jobs: reference clips, speaker embeddings, the voice they get per
/// language, and any cloned voice with the consent it was made under.
/// </summary>
public sealed record VoiceActor
{
    public required string Name { get; init; }

    public DateTimeOffset Created { get; init; }

    /// <summary>Free text: where the actor first appeared (a job, a file), or a note by the user.</summary>
    public string? Note { get; init; }

    public IReadOnlyList<ReferenceClip> Clips { get; init; } = [];

    public IReadOnlyList<SpeakerEmbedding> Embeddings { get; init; } = [];

    /// <summary>The voice the actor gets per target language.</summary>
    public IReadOnlyList<VoiceAssignment> Assignments { get; init; } = [];

    public IReadOnlyList<ClonedVoice> ClonedVoices { get; init; } = [];

    /// <summary>Consent records given for this actor's voice (with or without a cloned voice made from it yet).</summary>
    public IReadOnlyList<ConsentRecord> Consents { get; init; } = [];

    /// <summary>The assignment for a language (its primary subtag matches: `pt-BR` finds `pt`), or null.</summary>
    public VoiceAssignment? AssignmentFor(string language)
    {
        var exact = Assignments.FirstOrDefault(a => string.Equals(a.Language, language, StringComparison.OrdinalIgnoreCase));
        if (exact is not null) return exact;
        var primary = language.Split('-', '_')[0];
        return Assignments.FirstOrDefault(a => string.Equals(a.Language.Split('-', '_')[0], primary, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>A stretch of the actor's own speech kept in the library (a copy, named by its SHA-256).</summary>
/// <param name="Path">The copy inside the library's folder.</param>
/// <param name="Source">Where it came from (the original file or job).</param>
public sealed record ReferenceClip(string Path, string Sha256, double Seconds, string? Source, DateTimeOffset Added);

/// <summary>A speaker embedding of the actor's reference speech.</summary>
/// <param name="Kind">What made it (`mfcc-stats`, or the embedding model's id such as `wespeaker-resnet34`); only embeddings of one kind compare.</param>
public sealed record SpeakerEmbedding(string Kind, IReadOnlyList<float> Vector, string? Source, DateTimeOffset Added);

/// <summary>The voice an actor gets in one language: an engine, its voice id and the settings it is spoken with.</summary>
/// <param name="Rate">Speaking-rate factor (1 = the voice's own), when set.</param>
/// <param name="Pitch">Pitch shift in semitones (0 = the voice's own), when set.</param>
public sealed record VoiceAssignment(string Language, string Engine, string Voice, double? Rate = null, double? Pitch = null, DateTimeOffset? Assigned = null);

/// <summary>A voice an engine made from the actor's samples, usable only with the consent it records.</summary>
public sealed record ClonedVoice(string Engine, string VoiceId, ConsentRecord Consent, DateTimeOffset Created);

/// <summary>Who agreed that their voice may be cloned, in what words, when, and for which source clips (by SHA-256).</summary>
public sealed record ConsentRecord(string ConsentedBy, string Statement, DateTimeOffset Date, IReadOnlyList<string> SourceClipSha256);

/// <summary>The known actor nearest a speaker's embedding, and how near (higher is nearer; a match is at or above the threshold).</summary>
public sealed record ActorMatch(string Actor, string Kind, double Score, double Threshold)
{
    public bool IsMatch => Score >= Threshold;
}
