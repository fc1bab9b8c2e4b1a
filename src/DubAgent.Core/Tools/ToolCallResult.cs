using System.Text.Json;
using DubAgent.Abstractions.Tools;

namespace DubAgent.Core.Tools;

/// <summary>One finished tool call: the typed result, the same as snake_case JSON, and what the tool reported.</summary>
public sealed record ToolCallResult(
    ITool Tool,
    object Arguments,
    object Result,
    JsonElement Json,
    ToolRunReport Report,
    DateTimeOffset Started,
    DateTimeOffset Ended)
{
    public TimeSpan Elapsed => Ended - Started;

    /// <summary>The step record of a recorded call (written, or found unchanged).</summary>
    public Workspace.StepRecord? Record { get; init; }

    /// <summary>True when the call did not run: an unchanged step's recorded result was reused.</summary>
    public bool Reused { get; init; }

    /// <summary>Processing seconds / media seconds, when the tool reported the media length.</summary>
    public double? RealTimeFactor => Report.MediaSeconds is > 0 and var media ? Elapsed.TotalSeconds / media : null;
}
