namespace DubAgent.Engines.Separation;

/// <summary>separation.json: the record of one separation, beside its stems.</summary>
public sealed record SeparationRecord
{
    public string Tool { get; init; } = SeparateAudioTool.ToolName;
    public string Engine { get; init; } = "";
    public string? EngineVersion { get; init; }
    public string Input { get; init; } = "";
    public bool Separated { get; init; }
    public Dictionary<string, string> Stems { get; init; } = new();
    public string? Note { get; init; }
    public double DurationSeconds { get; init; }
    public int SampleRate { get; init; }
    public int Channels { get; init; }
    public Dictionary<string, string> Options { get; init; } = new();
    public double ElapsedSeconds { get; init; }
}
