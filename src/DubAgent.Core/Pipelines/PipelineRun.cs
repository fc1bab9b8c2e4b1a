using DubAgent.Abstractions.Tools;
using Microsoft.Extensions.AI;
using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Abstractions;

namespace DubAgent.Core.Pipelines;

/// <param name="Inputs">Input values as text (file inputs as paths), by input name.</param>
/// <param name="JobDirectory">The job folder; one subfolder per step id.</param>
/// <param name="Force">Steps to re-run even when cached; the steps that read them re-run too.</param>
/// <param name="MaxParallelSteps">How many independent steps may run at once.</param>
public sealed record PipelineRunRequest(
    IReadOnlyDictionary<string, string> Inputs,
    string JobDirectory,
    IReadOnlyCollection<string>? Force = null,
    int MaxParallelSteps = 2)
{
    /// <summary>Which paths the steps may read and write (the MCP server's roots); unrestricted from the CLI.</summary>
    public IPathPolicy Paths { get; init; } = UnrestrictedPaths.Instance;

    /// <summary>The calling MCP client's own model (sampling), handed to every step, for `model: client`.</summary>
    public IChatClient? CallerChat { get; init; }

    /// <summary>
    /// Pause after this step: the steps that read its result (directly or through others) wait for a later run in the
    /// same job folder, which reuses what this one finished (a review of the step's output between the two runs).
    /// </summary>
    public string? StopAfter { get; init; }
}

public enum StepStatus { Ran, Cached, Skipped, NotRun }

/// <summary>How one step went, for the summary table.</summary>
public sealed record StepOutcome(
    string Step,
    string Tool,
    StepStatus Status,
    string? EngineAsked,
    string? EngineRan,
    string? EngineReason,
    TimeSpan Elapsed,
    double? RealTimeFactor,
    JsonElement? Result,
    IReadOnlyList<string> Notes)
{
    public bool CacheHit => Status == StepStatus.Cached;
}

public sealed record PipelineRunResult(
    string Recipe,
    string JobDirectory,
    IReadOnlyList<StepOutcome> Steps,
    JsonObject Outputs,
    TimeSpan Elapsed)
{
    /// <summary>The step the run paused after (<see cref="PipelineRunRequest.StopAfter"/>); its outputs are then not evaluated.</summary>
    public string? StoppedAfter { get; init; }
}

/// <summary>Hears about each step as the run goes (the CLI draws progress bars from it). Called from several threads.</summary>
public interface IPipelineObserver
{
    void StepStarted(RecipeStep step, string? engine) { }

    void StepProgress(RecipeStep step, ProgressUpdate update) { }

    void StepFinished(StepOutcome outcome) { }
}
