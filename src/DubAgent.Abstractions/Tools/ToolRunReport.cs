namespace DubAgent.Abstractions.Tools;

/// <summary>Filled in by a tool while it runs; the job record and the run summary show it.</summary>
public sealed class ToolRunReport
{
    public string? Engine { get; set; }

    public string? EngineVersion { get; set; }

    /// <summary>Seconds of media processed, for the real-time factor.</summary>
    public double? MediaSeconds { get; set; }

    public List<string> Notes { get; } = [];
}
