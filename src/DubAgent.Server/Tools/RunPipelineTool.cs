using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Pipelines;
using Microsoft.Extensions.Logging;

namespace DubAgent.Server.Tools;

public sealed class RunPipelineArguments
{
    [Description("A shipped recipe's name (see list_pipelines, e.g. 'transcribe') or the path of a recipe .yaml inside the allowed folders.")]
    public required string Recipe { get; init; }

    [Description("The recipe's inputs by name, e.g. {\"video\": \"/videos/talk.mp4\", \"language\": \"en\"}. File inputs must be inside the allowed folders.")]
    public Dictionary<string, JsonElement>? Inputs { get; init; }

    [Description("Step ids to run again even when their cached result is still valid (the steps after them re-run too).")]
    public List<string>? Force { get; init; }
}

public sealed record PipelineStepEntry(
    string Step,
    string Tool,
    [property: Description("ran, cached (unchanged since an earlier run), skipped (its `when` was false) or not_run.")] string Status,
    string? Engine,
    double Seconds,
    [property: Description("Processing seconds / media seconds.")] double? RealTimeFactor);

public sealed record RunPipelineResult(
    string Recipe,
    [property: Description("The job folder; each step's outputs are in its own subfolder and are resources dubagent://jobs/{job}/{step}/{file}.")] string Folder,
    IReadOnlyList<PipelineStepEntry> Steps,
    [property: Description("The recipe's declared outputs (paths, counts).")] JsonObject Outputs,
    double Seconds);

/// <summary>
/// run_pipeline: runs a recipe in a job, reporting progress per step. A re-run in the same job reuses every step whose
/// tool, engine, arguments and input files are unchanged.
/// </summary>
public sealed class RunPipelineTool(PipelineRunner runner, RecipeCatalog catalog, RecipeValidator validator)
    : Tool<RunPipelineArguments, RunPipelineResult>, IServerTool, IServerPreflight
{
    public override string Name => "run_pipeline";

    public override string Description =>
        "Runs a whole recipe (see list_pipelines) on your inputs in one job, step after step, with progress per step. " +
        "Returns each step's status (ran, cached, skipped), engine and seconds, the recipe's outputs, and links to its deliverables " +
        "(for dub: the dubbed video, the package, subtitles, translation.json, mix.wav). Re-running it with the same `job` only " +
        "redoes steps whose inputs changed. A recipe that takes longer than the server's foreground wait answers 'working' with " +
        "the job id and goes on; follow it with get_job (wait: 30) until it ends.";

    public ServerToolKind Kind => ServerToolKind.JobWork;

    /// <summary>The recipe and its inputs checked before a job exists: unknown recipe, bad or missing inputs, files outside the roots.</summary>
    public Task CheckAsync(object arguments, IPathPolicy paths, CancellationToken cancellationToken)
    {
        var (recipe, inputs) = Resolve((RunPipelineArguments)arguments, paths);
        var problems = validator.Validate(recipe, inputs);
        if (problems.Count > 0) throw RecipeProblem.ToException(problems);
        return Task.CompletedTask;
    }

    public override async Task<RunPipelineResult> InvokeAsync(RunPipelineArguments arguments, ToolContext context)
    {
        var (recipe, inputs) = Resolve(arguments, context.Paths);
        var observer = new ProgressObserver(recipe.Steps.Count, context.Progress, context.Logger);
        // Steps get the caller's limits and model: the recipe's own arguments are checked against the roots too.
        var request = new PipelineRunRequest(inputs, context.JobDirectory, arguments.Force) { Paths = context.Paths, CallerChat = context.CallerChat };
        var result = await runner.RunAsync(recipe, request, observer, context.CancellationToken).ConfigureAwait(false);
        context.Report.Notes.AddRange(result.Steps.SelectMany(s => s.Notes.Select(n => $"{s.Step}: {n}")));
        return new RunPipelineResult(recipe.Name, result.JobDirectory,
            result.Steps.Select(s => new PipelineStepEntry(s.Step, s.Tool, JsonNamingPolicy.SnakeCaseLower.ConvertName(s.Status.ToString()),
                s.EngineRan, Math.Round(s.Elapsed.TotalSeconds, 2), s.RealTimeFactor is { } r ? Math.Round(r, 3) : null)).ToList(),
            result.Outputs, Math.Round(result.Elapsed.TotalSeconds, 2));
    }

    private (Recipe Recipe, Dictionary<string, string> Inputs) Resolve(RunPipelineArguments arguments, IPathPolicy paths)
    {
        var name = arguments.Recipe;
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
