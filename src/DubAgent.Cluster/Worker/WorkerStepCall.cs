using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Cluster.Messages;
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
/// The adapter between a step sent over the broker and the local call path: the one file to rewire onto Core's call
/// wrapper. It does what the local runner does for one step (arguments from the recipe and the results it reads,
/// engine routing on this machine, bind, input hashes, cache key, reuse of an unchanged committed result, invoke in the
/// step folder, `step.json` written last and atomically) after checking the message: the recipe text is the one the
/// coordinator hashed and validates again here, the step's tool and queue match the recipe, and the job folder is a
/// DubAgent job folder inside `Cluster:JobsRoot` when that is set.
/// </summary>
public sealed class WorkerStepCall(IServiceProvider services, ToolInvoker invoker, RecipeValidator validator, EngineRouter router,
    ILogger<WorkerStepCall> logger)
{
    public async Task<WorkerStepResult> RunAsync(StepExecution message, string worker, string? jobsRoot, Action<string?> started,
        IProgress<ProgressUpdate> progress, CancellationToken cancellationToken)
    {
        var (recipe, step) = Check(message, jobsRoot);
        var workspace = new JobWorkspace(message.JobDirectory);
        var problems = new List<RecipeProblem>();
        var scope = new RunScope(RunInputs.Bind(recipe, message.Inputs, problems));
        if (problems.Count > 0) throw RecipeProblem.ToException(problems);
        foreach (var (id, json) in message.Results)
            scope.SetResult(id, json is null ? null : JsonDocument.Parse(json).RootElement.Clone());

        var tool = invoker.Require(step.Tool);
        var arguments = Evaluation.Guard(recipe, step.With.Expressions.FirstOrDefault() ?? new TemplatePart("", null, null, step.At.Line, step.At.Column),
            () => StepArguments.Build(step.With, invoker.SchemaOf(tool), scope));
        var decision = await router.DecideAsync(recipe, step, tool, arguments, scope, cancellationToken).ConfigureAwait(false);
        if (step.Engine is not null && decision.Ran is not null) arguments["engine"] = decision.Ran;
        object bound;
        try
        {
            bound = invoker.Bind(tool, arguments);
        }
        catch (InputException e)
        {
            throw new PipelineException($"Step '{step.Id}': {e.Message}", recipe.File, step.At.Line, step.At.Column, e.Hint, e);
        }
        var argumentsJson = ToolInvoker.ArgumentsJson(tool, bound);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in StepCacheKey.FilesNamedIn(argumentsJson))
            hashes[file] = await workspace.Hasher.HashAsync(file, cancellationToken).ConfigureAwait(false);
        var key = StepCacheKey.Compute($"{tool.Name}@{tool.GetType().Module.ModuleVersionId:N}", decision.Ran, decision.Version, argumentsJson, hashes);

        if (!message.Force && workspace.ReadRecord(step.Id) is { } previous && previous.CacheKey == key && OutputsExist(previous.Result, workspace.Directory))
            return new WorkerStepResult(key, Cached: true, previous.EngineRan);

        // Whatever an earlier try (a worker that died mid-step) left goes first: it is never taken for an output.
        workspace.ResetStep(step.Id);
        started(decision.Ran);
        var context = new ToolContext
        {
            WorkDirectory = workspace.StepDirectory(step.Id),
            JobDirectory = workspace.Directory,
            Services = services,
            Progress = progress,
            CancellationToken = cancellationToken,
            Logger = logger,
            Paths = message.ReadRoots is { } roots ? new RootsPathPolicy(roots, baseDirectory: workspace.Directory) : UnrestrictedPaths.Instance,
        };
        ToolCallResult call;
        try
        {
            call = await invoker.InvokeAsync(tool, bound, context).ConfigureAwait(false);
        }
        catch
        {
            workspace.TidyStep(step.Id);
            throw;
        }
        workspace.SweepTemporaries(step.Id);
        var notes = (decision.FellBack ? [$"fell back: {string.Join("; ", decision.Skipped)}"] : Array.Empty<string>())
            .Concat(call.Report.Notes).Append($"{Coordinator.ClusterNotes.Worker}{worker}").ToList();
        workspace.WriteRecord(new StepRecord
        {
            Step = step.Id,
            Tool = tool.Name,
            EngineAsked = decision.Asked,
            EngineRan = call.Report.Engine ?? decision.Ran,
            EngineVersion = call.Report.EngineVersion ?? decision.Version,
            EngineReason = decision.Reason,
            Arguments = argumentsJson,
            InputHashes = hashes,
            CacheKey = key,
            Started = call.Started,
            Ended = call.Ended,
            Seconds = call.Elapsed.TotalSeconds,
            MediaSeconds = call.Report.MediaSeconds,
            RealTimeFactor = call.RealTimeFactor,
            Notes = notes,
            Result = call.Json,
        });
        return new WorkerStepResult(key, Cached: false, call.Report.Engine ?? decision.Ran);
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

    /// <summary>A committed result is only reused when the files it names inside the job folder are still there.</summary>
    private static bool OutputsExist(JsonElement result, string jobDirectory)
    {
        var root = Path.GetFullPath(jobDirectory) + Path.DirectorySeparatorChar;
        return Strings(result).Where(s => s.StartsWith(root, StringComparison.Ordinal)).All(p => File.Exists(p) || Directory.Exists(p));
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
