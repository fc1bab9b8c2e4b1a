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
