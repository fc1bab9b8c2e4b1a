using DubAgent.Abstractions.Voices;

namespace DubAgent.Engines.Voices;

/// <summary>A diarized speaker's reference clip in the job folder: the lines it joins, and the embeddings made of it.</summary>
public sealed record SpeakerReference(string Speaker, string ClipPath, double Seconds, IReadOnlyList<ReferenceLine> Lines,
    IReadOnlyList<SpeakerEmbedding> Embeddings)
{
    /// <summary>Under 10 s of clean speech: usable for matching, thin for cloning.</summary>
    public bool Short => Seconds < ReferenceClipPicker.MinSeconds;
}

/// <summary>The actor a speaker was given: matched by embedding (with its score), named by the caller, or added now.</summary>
/// <param name="How">"matched", "named" (the `actors` argument) or "added" (a new actor remembered from this job).</param>
public sealed record SpeakerActor(string Speaker, VoiceActor Actor, string How, double? Score);

/// <summary>How synthesize uses the voice library.</summary>
public static class VoiceLibraryModes
{
    /// <summary>The library is not read or written.</summary>
    public const string Off = "off";

    /// <summary>Speakers matched to known actors get their voices; nothing is written.</summary>
    public const string Match = "match";

    /// <summary>As match, and new speakers become actors (reference clip, embeddings, the voice cast now) for later jobs.</summary>
    public const string Remember = "remember";

    public static readonly string[] All = [Off, Match, Remember];
}
