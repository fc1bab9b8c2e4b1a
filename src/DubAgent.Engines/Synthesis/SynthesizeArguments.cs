using System.ComponentModel;
using DubAgent.Abstractions.Tools;

namespace DubAgent.Engines.Synthesis;

public sealed class SynthesizeArguments : IEngineArguments
{
    [Description("Path of translation.json (from the translate tool): segments with id, speaker, start, end and target_text.")]
    public required string Translation { get; init; }

    [Description("Synthesis engine: espeak-ng (built in, every language), piper (Piper voices in process), piper-cli (the piper program), openai (OpenAI-compatible /audio/speech). Omit for the first available.")]
    public string? Engine { get; init; }

    [Description("Voice cast: speaker (SPEAKER_00, ...) to voice name (see `dubagent voices ENGINE`). Speakers left out are cast automatically.")]
    public Dictionary<string, string>? Voices { get; init; }

    [Description("Voice library: off (default), match (a speaker recognised as a known actor gets the actor's voice for this language), " +
        "remember (as match, and new speakers are kept as actors with the voice cast now, so later jobs give them the same voice). Needs `audio`. " +
        "Each speaker's cleanest 10-30 s are cut to references/SPEAKER_xx.wav in the step folder.")]
    public string? VoiceLibrary { get; init; }

    [Description("Speaker (SPEAKER_00, ...) to voice-library actor name, overriding the match by voice. Optional.")]
    public Dictionary<string, string>? Actors { get; init; }

    [Description("The original speech (vocals stem or source media): each speaker's pitch is measured so a lower original voice gets a lower synthetic voice. Optional.")]
    public string? Audio { get; init; }

    [Description("Length of the output track in seconds. Default: the translation's total_duration, or the reference media's length.")]
    public double? Duration { get; init; }

    [Description("Media file whose length the track must match exactly (usually the source video). Optional.")]
    public string? Reference { get; init; }

    [Description("Target language (ISO 639-1) if it differs from the translation's target_language.")]
    public string? Language { get; init; }

    [Description("Largest time compression applied to a clip that is too long for its slot (1.0 = never compress). Default 1.25.")]
    public double MaxStretch { get; init; } = 1.25;

    [Description("How many clips are synthesized at once. Default: the engine's own limit (the number of CPU cores for local engines, a few for remote endpoints); a larger value is capped to it.")]
    public int? Concurrency { get; init; }

    [Description("Sample rate of voice.wav in Hz. Default 48000.")]
    public int SampleRate { get; init; } = 48000;
}
