namespace DubAgent.Engines.Translation.Llm;

/// <summary>The JSON the model is asked for: <c>{"segments":[{"id","speaker","text","tone"}]}</c>.</summary>
public sealed record PlannerAnswer
{
    public List<PlannerLine> Segments { get; init; } = [];
}

public sealed record PlannerLine
{
    public string? Id { get; init; }
    public string? Speaker { get; init; }
    public string? Text { get; init; }
    public string? Tone { get; init; }
}

/// <summary>The JSON asked for a speaker profile: register, emotion, manner.</summary>
public sealed record SpeakerProfile
{
    public string Speaker { get; init; } = "";
    public string Register { get; init; } = "";
    public string Emotion { get; init; } = "";
    public string Manner { get; init; } = "";

    public string Describe() => $"{Speaker}: register {Register}; emotion {Emotion}; manner {Manner}";
}
