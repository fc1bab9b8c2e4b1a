using System.ComponentModel;

namespace DubAgent.Engines.Voices;

public sealed class ListVoicesArguments
{
    [Description("Only this actor (case-insensitive). Omit for every actor in the library.")]
    public string? Name { get; init; }
}

public sealed class CreateVoiceArguments
{
    [Description("The actor's name in the library (1-64 letters, digits, spaces, - _ . ').")]
    public required string Name { get; init; }

    [Description("Recordings of the person's own voice (audio or video files), 10-60 s in total is plenty.")]
    public required List<string> Samples { get; init; }

    [Description("The consent statement the person agreed to, in their words (e.g. \"I, Ana Torres, agree that my voice may be cloned for dubbing this series.\"). " +
        "Required: when the client supports elicitation and it is omitted, the user is asked for it; without it the voice is refused.")]
    public string? Consent { get; init; }

    [Description("Who gave the consent, when it is not the actor's own name (e.g. a guardian).")]
    public string? ConsentedBy { get; init; }

    [Description("A cloning synthesis engine to make the voice with now. Omit to keep the samples and consent for later cloning.")]
    public string? Engine { get; init; }
}

public sealed class AssignVoiceArguments
{
    [Description("The actor's name in the library.")]
    public required string Name { get; init; }

    [Description("Target language (ISO 639-1, e.g. es) this voice speaks for the actor.")]
    public required string Language { get; init; }

    [Description("Synthesis engine of the voice: espeak-ng, piper, openai, or a cloning engine (see list_engines).")]
    public required string Engine { get; init; }

    [Description("The engine's voice name or id (see `dubagent voices engine ENGINE`), or a cloned voice's id.")]
    public required string Voice { get; init; }

    [Description("Speaking-rate factor, 1 = the voice's own. Optional.")]
    public double? Rate { get; init; }

    [Description("Pitch shift in semitones, 0 = the voice's own. Optional.")]
    public double? Pitch { get; init; }
}
