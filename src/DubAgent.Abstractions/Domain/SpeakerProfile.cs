namespace DubAgent.Abstractions.Domain;

/// <summary>
/// How one speaker talks, kept for the whole video so every line of theirs is translated in one voice: register,
/// the form of address for languages with a T–V choice (informal tú/tu/du, formal usted/vous/Sie), the dominant
/// emotion of their scenes and their manner.
/// </summary>
public sealed record SpeakerProfile
{
    public string Speaker { get; init; } = "";
    public string Register { get; init; } = "";

    /// <summary>"informal" (T) or "formal" (V); empty when the speaker addresses nobody directly.</summary>
    public string Address { get; init; } = "";

    public string Emotion { get; init; } = "";
    public string Manner { get; init; } = "";

    public string Describe() =>
        $"{Speaker}: register {Register}; address {(Address.Length == 0 ? "not set" : Address)}; emotion {Emotion}; manner {Manner}";
}
