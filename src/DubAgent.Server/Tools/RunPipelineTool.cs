using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Pipelines;
using DubAgent.Server.Resources;
using DubAgent.Server.Review;
using Microsoft.Extensions.Logging;

namespace DubAgent.Server.Tools;

public sealed class RunPipelineArguments
{
    [Description("A shipped recipe's name (see list_pipelines, e.g. 'transcribe') or the path of a recipe .yaml inside the allowed folders. " +
                 "Required unless `resume` is given.")]
    public string? Recipe { get; init; }

    [Description("The recipe's inputs by name, e.g. {\"video\": \"/videos/talk.mp4\", \"language\": \"en\"}. File inputs must be inside the allowed folders.")]
    public Dictionary<string, JsonElement>? Inputs { get; init; }

    [Description("Step ids to run again even when their cached result is still valid (the steps after them re-run too).")]
    public List<string>? Force { get; init; }

    [Description("true: pause after the recipe's translate step so its lines can be reviewed before they are spoken. A client with " +
                 "elicitation is asked to accept or edit the lines that do not fit their time slot; otherwise the result (status " +
                 "'paused') lists them: edit target_text in translation.json, then call run_pipeline with `resume`.")]
    public bool Review { get; init; }

    [Description("A job paused for review (or stopped): runs its recipe on to the end with the same inputs, reusing every finished step, " +
                 "and takes the edits made to its translation.json. Steps the paused run was told to `force` and had not reached are still forced.")]
    public string? Resume { get; init; }
}

/// <summary>Where a review run paused and what to look at before it goes on.</summary>
public sealed record ReviewPause(
    [property: Description("The step the run paused after.")] string Step,
    [property: Description("The translation.json to review (edit target_text only).")] string? Translation,
    [property: Description("Its resource address.")] string? TranslationUri,
    [property: Description("The lines that do not fit their slot or are flagged, worst first.")] IReadOnlyList<ReviewLine> Lines,
    [property: Description("How to go on.")] string Resume);

public sealed record PipelineStepEntry(
    string Step,
    string Tool,
    [property: Description("ran, cached (unchanged since an earlier run), skipped (its `when` was false) or not_run (an earlier step failed, or the run paused for review before it).")] string Status,
    string? Engine,
    double Seconds,
    [property: Description("Processing seconds / media seconds.")] double? RealTimeFactor);

public sealed record RunPipelineResult(
    string Recipe,
    [property: Description("The job folder; each step's outputs are in its own subfolder and are resources dubagent://jobs/{job}/{step}/{file}.")] string Folder,
    IReadOnlyList<PipelineStepEntry> Steps,
    [property: Description("The recipe's declared outputs (paths, counts); empty while paused.")] JsonObject Outputs,
    double Seconds,
    [property: Description("Set when the run paused for review (`review: true`): the lines to look at and how to resume.")] ReviewPause? Review = null);

/// <summary>
/// run_pipeline: runs a recipe in a job, reporting progress per step. A re-run in the same job reuses every step whose
/// tool, engine, arguments and input files are unchanged.
/// With a remote runner configured (a cluster broker), runs go to its workers; a review pause stays a local run.
/// </summary>
public sealed class RunPipelineTool(PipelineRunner runner, RecipeCatalog catalog, RecipeValidator validator, IRemotePipelineRunner? remote = null)
    : Tool<RunPipelineArguments, RunPipelineResult>, IServerTool, IServerPreflight
{
    public override string Name => "run_pipeline";

    public override string Description =>
        "Runs a whole recipe (see list_pipelines) on your inputs in one job, step after step, with progress per step. " +
        "Returns each step's status (ran, cached, skipped), engine and seconds, the recipe's outputs, and links to its deliverables " +
        "(for dub: the dubbed video, the package, subtitles, translation.json, mix.wav). Re-running it with the same `job` only " +
        "redoes steps whose inputs changed. A recipe that takes longer than the server's foreground wait answers 'working' with " +
        "the job id and goes on; follow it with get_job (wait: 30) until it ends. With `review: true` the run pauses after translation " +
        "so you can accept or edit the lines that do not fit their slot; `resume` continues a paused job.";

    public ServerToolKind Kind => ServerToolKind.JobWork;

    /// <summary>The recipe and its inputs checked before a job exists: unknown recipe, bad or missing inputs, files outside the roots.</summary>
    public Task CheckAsync(object arguments, IPathPolicy paths, CancellationToken cancellationToken)
    {
        var given = (RunPipelineArguments)arguments;
        // A resumed job's recipe and inputs were checked when it started; its folder is only known once the call runs.
        if (given.Resume is not null && given.Recipe is null) return Task.CompletedTask;
        var (recipe, inputs) = Resolve(given, paths);
        var problems = validator.Validate(recipe, inputs);
        if (problems.Count > 0) throw RecipeProblem.ToException(problems);
        return Task.CompletedTask;
    }

    public override async Task<RunPipelineResult> InvokeAsync(RunPipelineArguments arguments, ToolContext context)
    {
        var (recipe, inputs) = arguments.Resume is null ? Resolve(arguments, context.Paths) : Resumed(arguments, context.JobDirectory);
        var pauseAfter = arguments.Review ? ReviewStep(recipe) : null;
        var observer = new ProgressObserver(recipe.Steps.Count, context.Progress, context.Logger);
        // Steps get the caller's limits and model: the recipe's own arguments are checked against the roots too.
        var force = arguments.Resume is null ? arguments.Force : PendingForce.ForResume(context.JobDirectory, arguments.Force);
        var request = new PipelineRunRequest(inputs, context.JobDirectory, force)
        {
            Paths = context.Paths, CallerChat = context.CallerChat, StopAfter = pauseAfter,
        };
        var result = remote is { Configured: true } && pauseAfter is null
            ? await remote.RunAsync(recipe, request, observer, context.CancellationToken).ConfigureAwait(false)
            : await runner.RunAsync(recipe, request, observer, context.CancellationToken).ConfigureAwait(false);
        PendingForce.Record(recipe, force, result);
        context.Report.Notes.AddRange(result.Steps.SelectMany(s => s.Notes.Select(n => $"{s.Step}: {n}")));
        return new RunPipelineResult(recipe.Name, result.JobDirectory,
            result.Steps.Select(s => new PipelineStepEntry(s.Step, s.Tool, JsonNamingPolicy.SnakeCaseLower.ConvertName(s.Status.ToString()),
                s.EngineRan, Math.Round(s.Elapsed.TotalSeconds, 2), s.RealTimeFactor is { } r ? Math.Round(r, 3) : null)).ToList(),
            result.Outputs, Math.Round(result.Elapsed.TotalSeconds, 2), result.StoppedAfter is { } paused ? Pause(result, paused) : null);
    }

    /// <summary>The step a review pauses after: the recipe's (first) translate step.</summary>
    private static string ReviewStep(Recipe recipe) =>
        recipe.Steps.FirstOrDefault(s => s.Tool == "translate")?.Id
        ?? throw new InputException($"`review: true` pauses after translation, but the recipe '{recipe.Name}' has no translate step.",
            "Leave out `review` for this recipe, or review a dub recipe (e.g. recipe: dub).");

    /// <summary>The recipe and inputs a job's folder recorded when its run started (job.json).</summary>
    private static (Recipe Recipe, Dictionary<string, string> Inputs) Resumed(RunPipelineArguments arguments, string jobDirectory)
    {
        if (arguments.Recipe is not null)
            throw new InputException("Give either `recipe` (a new run) or `resume` (a paused job), not both.", "A resumed job keeps its recipe and inputs.");
        var record = Core.Workspace.JobStatus.Read(jobDirectory) is { RecipeFile.Length: > 0 } known ? known
            : throw new InputException($"Job '{arguments.Resume}' holds no recipe run to resume.", "Start one with run_pipeline {\"recipe\": ..., \"inputs\": ...}.");
        var (recipe, problems) = RecipeLoader.LoadFile(record.RecipeFile);
        if (recipe is null || problems.Count > 0) throw RecipeProblem.ToException(problems);
        return (recipe, new Dictionary<string, string>(record.Inputs, StringComparer.Ordinal));
    }

    private static ReviewPause Pause(PipelineRunResult result, string step)
    {
        var job = Path.GetFileName(result.JobDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var translation = result.Steps.FirstOrDefault(s => s.Step == step)?.Result is { ValueKind: JsonValueKind.Object } r
            && r.TryGetProperty("translation_path", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        var lines = translation is null ? [] : TranslationReview.LinesToReview(TranslationReview.Load(translation));
        var uri = translation is null ? null : ArtifactUri.For(job, Path.GetRelativePath(result.JobDirectory, translation));
        return new ReviewPause(step, translation, uri, lines,
            $"Paused after '{step}': {lines.Count} line(s) do not fit their slot. Edit their target_text in {translation ?? "the translation"} " +
            $"(or leave them), then call run_pipeline {{\"resume\": \"{job}\"}}: only the steps after '{step}' and those that read the edited file run again.");
    }

    private (Recipe Recipe, Dictionary<string, string> Inputs) Resolve(RunPipelineArguments arguments, IPathPolicy paths)
    {
        var name = arguments.Recipe ?? throw new InputException("The argument 'recipe' is missing: name the recipe to run (see list_pipelines).",
            "Or pass `resume` with the id of a paused job.");
        var isShippedName = !name.Contains('/') && !name.Contains('\\') && catalog.Names.Contains(Path.GetFileNameWithoutExtension(name));
        string? path;
        if (isShippedName && catalog.Directory is { } shippedFolder)
        {
            path = Path.Combine(shippedFolder, Path.GetFileNameWithoutExtension(name) + ".yaml");
        }
        else
        {
            var file = paths.CheckRead(name, "recipe");
            path = File.Exists(file) ? file : null;
        }
        if (path is null || !File.Exists(path))
            throw new InputException($"There is no shipped recipe or recipe file '{name}'.",
                $"Shipped recipes: {string.Join(", ", catalog.Names)} (list_pipelines shows their inputs).");
        var (recipe, problems) = RecipeLoader.LoadFile(path);
        if (recipe is null || problems.Count > 0) throw RecipeProblem.ToException(problems);

        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (input, value) in arguments.Inputs ?? [])
        {
            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() ?? "",
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Number => value.GetRawText(),
                _ => throw new InputException($"The input '{input}' must be a string, number or boolean, not {value.ValueKind.ToString().ToLowerInvariant()}."),
            };
            // File inputs obey the server's roots: a recipe's steps read what its inputs name.
            if (recipe.FindInput(input) is { Type: "file" }) text = paths.CheckRead(text, $"inputs.{input}");
            inputs[input] = text;
        }
        return (recipe, inputs);
    }

    /// <summary>Overall progress: finished steps plus the running steps' own fractions, over the step count.</summary>
    private sealed class ProgressObserver(int stepCount, IProgress<ProgressUpdate> progress, ILogger log) : IPipelineObserver
    {
        private readonly Dictionary<string, double> _fractions = new(StringComparer.Ordinal);

        public void StepStarted(RecipeStep step, string? engine) => Update(step.Id, 0, $"{step.Id}: started{(engine is null ? "" : $" ({engine})")}");

        public void StepProgress(RecipeStep step, ProgressUpdate update) => Update(step.Id, update.Fraction, $"{step.Id}: {update.Message ?? "working"}");

        public void StepFinished(StepOutcome outcome)
        {
            var status = JsonNamingPolicy.SnakeCaseLower.ConvertName(outcome.Status.ToString());
            log.LogInformation("step {Step} ({Tool}): {Status}{Engine}, {Seconds:0.0} s", outcome.Step, outcome.Tool, status,
                outcome.EngineRan is { } engine ? $" with {engine}" : "", outcome.Elapsed.TotalSeconds);
            foreach (var note in outcome.Notes) log.LogWarning("step {Step}: {Note}", outcome.Step, note);
            Update(outcome.Step, 1, $"{outcome.Step}: {status}");
        }

        private void Update(string step, double? fraction, string message)
        {
            double total;
            lock (_fractions)
            {
                if (fraction is { } f) _fractions[step] = Math.Max(f, _fractions.GetValueOrDefault(step));
                total = _fractions.Values.Sum() / Math.Max(1, stepCount);
            }
            progress.Report(new ProgressUpdate(total, message));
        }
    }
}
