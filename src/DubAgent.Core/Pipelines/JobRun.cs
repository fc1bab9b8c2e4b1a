using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Expressions;
using DubAgent.Core.Media;
using DubAgent.Core.Workspace;
using Microsoft.Extensions.Logging;

namespace DubAgent.Core.Pipelines;

/// <summary>
/// The opening and closing of a recipe run in its job folder, shared by the local runner and the cluster coordinator:
/// the request checked (recipe, inputs, --force, pause step), the folder claimed and locked, unfinished step folders
/// tidied, the preflight, and job.json written when the run starts and when it ends.
/// </summary>
public sealed class JobRun : IDisposable
{
    private readonly JobFolderLock _lock;
    private readonly JobRecord _job;

    private JobRun(JobWorkspace workspace, JobFolderLock folderLock, JobRecord job, RunScope scope)
    {
        Workspace = workspace;
        _lock = folderLock;
        _job = job;
        Scope = scope;
    }

    public JobWorkspace Workspace { get; }

    /// <summary>The run's inputs, to which each step's result is added as it ends.</summary>
    public RunScope Scope { get; }

    /// <summary>
    /// The checks that need no job folder: the recipe against its inputs, and the steps --force and a review pause name.
    /// Returns the bound inputs; throws the problems found, each naming the fix.
    /// </summary>
    public static IReadOnlyDictionary<string, ExpressionValue> Check(Recipe recipe, PipelineRunRequest request, RecipeValidator validator)
    {
        var problems = validator.Validate(recipe, request.Inputs).ToList();
        var inputs = RunInputs.Bind(recipe, request.Inputs, []);
        foreach (var id in request.Force ?? [])
            if (recipe.FindStep(id) is null)
                throw new InputException($"--force names '{id}', which is not a step of '{recipe.Name}'.",
                    $"Steps: {string.Join(", ", recipe.Steps.Select(s => s.Id))}.");
        if (request.StopAfter is { } stopAfter && recipe.FindStep(stopAfter) is null)
            throw new InputException($"The run is to pause after '{stopAfter}', which is not a step of '{recipe.Name}'.",
                $"Steps: {string.Join(", ", recipe.Steps.Select(s => s.Id))}.");
        if (problems.Count > 0) throw RecipeProblem.ToException(problems);
        return inputs;
    }

    /// <param name="purpose">Who holds the folder, as a refused second run is told (e.g. "recipe dub").</param>
    public static async Task<JobRun> OpenAsync(Recipe recipe, PipelineRunRequest request, RecipeValidator validator, RunPreflight preflight,
        string purpose, ILogger logger, CancellationToken cancellationToken, FileContentHashes? hashes = null)
    {
        var inputs = Check(recipe, request, validator);
        var workspace = new JobWorkspace(request.JobDirectory, hashes);
        var folderLock = JobFolderLock.Acquire(workspace.Directory, purpose);
        try
        {
            if (folderLock.Previous is { } dead)
                logger.LogWarning("The previous run in {Folder} ({Holder}) was interrupted; its unfinished steps run again.", workspace.Directory, dead.Describe());
            foreach (var step in recipe.Steps) workspace.TidyStep(step.Id);
            await preflight.CheckAsync(recipe, inputs, workspace, cancellationToken).ConfigureAwait(false);
            var job = new JobRecord
            {
                Recipe = recipe.Name,
                RecipeFile = Path.GetFullPath(recipe.File),
                Inputs = request.Inputs,
                Started = DateTimeOffset.UtcNow,
                Steps = recipe.Steps.Select(s => s.Id).ToList(),
            };
            workspace.WriteJob(job);
            return new JobRun(workspace, folderLock, job, new RunScope(inputs));
        }
        catch
        {
            folderLock.Dispose();
            throw;
        }
    }

    /// <summary>job.json says the run failed or was cancelled, with its error.</summary>
    public void Failed(Exception error) => End(error is OperationCanceledException ? "cancelled" : "failed", error.Message);

    public void Paused() => End("paused");

    /// <summary>The recipe's declared outputs from the steps' results; job.json says completed and lists them.</summary>
    public JsonObject Completed(Recipe recipe)
    {
        var outputs = new JsonObject();
        foreach (var output in recipe.Outputs)
        {
            var part = output.Value.Expressions.FirstOrDefault() ?? new TemplatePart("", null, output.Name, output.At.Line, output.At.Column);
            outputs[output.Name] = Evaluation.Guard(recipe, part, () => StepArguments.Value(output.Value, default, Scope));
        }
        End("completed", outputs: JsonSerializer.SerializeToElement(outputs, DubAgentJson.Options));
        return outputs;
    }

    private void End(string status, string? error = null, JsonElement? outputs = null)
    {
        Workspace.Hasher.Save();
        Workspace.WriteJob(_job with { Status = status, Error = error, Ended = DateTimeOffset.UtcNow, Outputs = outputs ?? _job.Outputs });
    }

    public void Dispose() => _lock.Dispose();
}
