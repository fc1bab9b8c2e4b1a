using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Cluster.Messages;
using DubAgent.Core.Calls;
using DubAgent.Core.Expressions;
using DubAgent.Core.Paths;
using DubAgent.Core.Pipelines;
using DubAgent.Core.Tools;
using DubAgent.Core.Workspace;
using Microsoft.Extensions.Logging;

namespace DubAgent.Cluster.Worker;

/// <summary>How a step sent to a worker ended: run here, or its unchanged committed result found.</summary>
public sealed record WorkerStepResult(string CacheKey, bool Cached, string? Engine);

/// <summary>
/// The adapter between a step sent over the broker and Core's call pipeline (<see cref="IToolCall"/>, the same one local
/// runs, MCP and `dubagent call` use): arguments from the recipe and the results it reads, engine routing on this
/// machine, bind once, then the recorded call. Before that it checks the message: the recipe text is the one the
/// coordinator hashed and validates again here, the step's tool and queue match the recipe, and the job folder is a
/// DubAgent job folder inside `Cluster:JobsRoot` when that is set.
/// </summary>
public sealed class WorkerStepCall(IServiceProvider services, ToolInvoker invoker, IToolCall calls, RecipeValidator validator, StepBinder binder,
    ILogger<WorkerStepCall> logger)
{
    /// <param name="redelivered">The broker handed this step over again: a worker before this one may have committed it.</param>
    public async Task<WorkerStepResult> RunAsync(StepExecution message, string worker, string? jobsRoot, bool redelivered, Action<string?> started,
        IProgress<ProgressUpdate> progress, CancellationToken cancellationToken)
    {
        var (recipe, step) = Check(message, jobsRoot);
        var workspace = new JobWorkspace(message.JobDirectory);
        var problems = new List<RecipeProblem>();
        var scope = new RunScope(RunInputs.Bind(recipe, message.Inputs, problems));
        if (problems.Count > 0) throw RecipeProblem.ToException(problems);
        foreach (var (id, json) in message.Results)
            scope.SetResult(id, json is null ? null : JsonDocument.Parse(json).RootElement.Clone());

        var (tool, bound, decision) = await binder.BindAsync(recipe, step, scope, cancellationToken).ConfigureAwait(false);

        using var stepLock = await StepLock.AcquireAsync(workspace.Directory, step.Id, () =>
        {
            logger.LogWarning("Step {Step} of run {Run} is being run by another worker (hung, or cut off from the broker); waiting for it to end", step.Id, message.RunId);
            progress.Report(new ProgressUpdate(null, "waiting: another worker is still running this step"));
        }, cancellationToken).ConfigureAwait(false);
        // After another execution (its worker died or hung with the message), its committed result is this step's, even
        // under --force: that execution honoured it, and steps after this one may already be reading its outputs.
        var reuse = !message.Force || redelivered || stepLock.Waited;

        // The steps this one reads were committed by other machines: their records are the provenance it gets.
        var history = JobHistory.Load(workspace.Directory);
        var context = new ToolContext
        {
            WorkDirectory = workspace.StepDirectory(step.Id),
            JobDirectory = workspace.Directory,
            Services = services,
            Progress = progress,
            CancellationToken = cancellationToken,
            Logger = logger,
            Paths = message.ReadRoots is { } roots ? new RootsPathPolicy(roots, baseDirectory: workspace.Directory) : UnrestrictedPaths.Instance,
            Provenance = history,
        };
        // The same call pipeline as a local run: cache key, reuse of an unchanged committed result, a clean step folder
        // (whatever a worker that died mid-step left goes first), the run, step.json written last and atomically.
        var call = await calls.InvokeAsync(new ToolCallRequest(tool, bound, context)
        {
            Step = new RecordedStep(workspace, step.Id, history, Reuse: reuse)
            {
                Running = () => started(decision?.Ran),
                Notes = [$"{Coordinator.ClusterNotes.Worker}{worker}"],
            },
            Engine = decision,
        }, cancellationToken).ConfigureAwait(false);
        var record = call.Record!;
        return new WorkerStepResult(record.CacheKey, call.Reused, record.EngineRan);
    }

    /// <summary>Workers never run a tool the coordinator did not validate, nor write outside a DubAgent job folder.</summary>
    private (Recipe Recipe, RecipeStep Step) Check(StepExecution message, string? jobsRoot)
    {
        if (RecipeHash(message.RecipeYaml) != message.RecipeHash)
            throw new InputException($"Step '{message.StepId}': the recipe text does not match the hash the coordinator sent.", "Submit the run again.");
        var (recipe, problems) = RecipeLoader.Parse(message.RecipeYaml, message.RecipeFile);
        if (recipe is null || problems.Count > 0) throw RecipeProblem.ToException(problems);
        var invalid = validator.Validate(recipe, message.Inputs).ToList();
        if (invalid.Count > 0) throw RecipeProblem.ToException(invalid);
        var step = recipe.FindStep(message.StepId);
        if (step is null || step.Tool != message.Tool || StepQueues.KeyOf(invoker.Require(step.Tool)) != message.Queue)
            throw new InputException($"Step '{message.StepId}' ({message.Tool}, queue {message.Queue}) is not a step of the recipe it came with.",
                "Submit the run again from the coordinator.");
        var job = Path.GetFullPath(message.JobDirectory);
        if (!Directory.Exists(job) || !JobFolder.IsOwn(job))
            throw new InputException($"The job folder '{message.JobDirectory}' is not a DubAgent job folder on this machine.",
                "Mount the shared storage at the same path on every machine (see docs/cluster.md).");
        if (jobsRoot is not null && !RealPath.IsInside(RealPath.Of(job), RealPath.Of(Path.GetFullPath(jobsRoot))))
            throw new InputException($"The job folder '{message.JobDirectory}' is outside this worker's Cluster:JobsRoot '{jobsRoot}'.",
                "Put the run's job folder (--out) on the shared storage below Cluster:JobsRoot.");
        return (recipe, step);
    }

    public static string RecipeHash(string yaml) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml)));
}
