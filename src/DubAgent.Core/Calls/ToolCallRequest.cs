using DubAgent.Abstractions.Tools;
using DubAgent.Core.Pipelines;
using DubAgent.Core.Workspace;

namespace DubAgent.Core.Calls;

/// <summary>
/// A call ready to run: the tool, its arguments bound once into the tool's typed record, and the context the tool gets
/// (its <see cref="ToolContext.CancellationToken"/> is what the tool sees). <see cref="Step"/> makes it a recorded step
/// of a job (cache key, reuse, step.json, provenance); <see cref="Engine"/> is the recipe's engine decision, if any.
/// </summary>
public sealed record ToolCallRequest(ITool Tool, object Arguments, ToolContext Context)
{
    public RecordedStep? Step { get; init; }

    public EngineDecision? Engine { get; init; }
}

/// <summary>
/// Where a recorded call keeps its work: the job, its step id, the job's history (handed to the call, extended by it),
/// and whether finished work may be reused (<paramref name="Reuse"/> false runs it again whatever the cache says).
/// </summary>
public sealed record RecordedStep(JobWorkspace Workspace, string Id, JobHistory History, bool Reuse = true)
{
    /// <summary>Called when the step really runs (not when its recorded result is reused): the CLI starts its progress bar.</summary>
    public Action? Running { get; init; }

    /// <summary>Notes the caller adds to the step's record (a cluster worker names itself).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>A step of a job folder run on its own (`dubagent call`): the history is the folder's records, read once.</summary>
    public static RecordedStep InJob(string jobDirectory, string id, bool reuse = false)
    {
        var workspace = new JobWorkspace(jobDirectory);
        return new RecordedStep(workspace, id, JobHistory.Load(workspace.Directory), reuse);
    }
}
