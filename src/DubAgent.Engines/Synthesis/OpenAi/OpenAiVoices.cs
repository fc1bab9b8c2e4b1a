using DubAgent.Abstractions.Engines;

namespace DubAgent.Engines.Synthesis;

/// <summary>OpenAI's built-in speech voices (API reference, /audio/speech `voice`), with a rough gender and relative pitch for casting.</summary>
public static class OpenAiVoices
{
    public static IReadOnlyList<VoiceInfo> All { get; } =
    [
        new("onyx", [], "male", 0.10, "deep male"),
        new("echo", [], "male", 0.25, "male"),
        new("ash", [], "male", 0.30, "male"),
        new("ballad", [], "male", 0.35, "male, soft"),
        new("verse", [], "male", 0.40, "male, expressive"),
        new("fable", [], "neutral", 0.45, "British, narrator"),
        new("alloy", [], "neutral", 0.50, "neutral"),
        new("sage", [], "female", 0.60, "female, calm"),
        new("coral", [], "female", 0.70, "female, warm"),
        new("nova", [], "female", 0.80, "female, bright"),
        new("shimmer", [], "female", 0.90, "female, high"),
    ];

    public static VoiceInfo? Known(string name) => All.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
}
