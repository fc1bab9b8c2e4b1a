using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Calls;
using DubAgent.Core.Expressions;
using DubAgent.Core.Tools;
using DubAgent.Core.Workspace;
using DubAgent.Core.Media;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DubAgent.Core.Pipelines;

/// <summary>
/// Runs a recipe: validates all of it first, then runs the steps in order in a job folder, independent steps side by
/// side, reusing a step's finished work when its tool, engine, version, arguments and input contents are unchanged.
/// </summary>
public sealed class PipelineRunner(
    IServiceProvider services,
    IToolCall calls,
    RecipeValidator validator,
    StepBinder binder,
    RunPreflight preflight,
    ILogger<PipelineRunner>? logger = null)
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    public async Task<PipelineRunResult> RunAsync(Recipe recipe, PipelineRunRequest request, IPipelineObserver? observer = null,
        CancellationToken cancellationToken = default)
    {
        observer ??= new NullObserver();
        using var run = await JobRun.OpenAsync(recipe, request, validator, preflight, $"recipe {recipe.Name}", _logger, cancellationToken,
            services.GetService(typeof(FileContentHashes)) as FileContentHashes).ConfigureAwait(false);
        var (workspace, scope) = (run.Workspace, run.Scope);
        var forced = StepDependencies.WithDependents(recipe, request.Force ?? []);
        var dependencies = StepDependencies.Of(recipe);
        var held = request.StopAfter is { } pause ? StepDependencies.WithDependents(recipe, [pause]).Where(s => s != pause).ToHashSet() : [];
        var history = new JobHistory(recipe.Name, Path.GetFullPath(recipe.File));
        var clock = Stopwatch.StartNew();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(Math.Max(1, request.MaxParallelSteps));
        var tasks = new Dictionary<string, Task<StepOutcome>>(StringComparer.Ordinal);
        foreach (var step in recipe.Steps)
        {
            var waitFor = dependencies[step.Id].Select(d => tasks[d]).ToArray();
            tasks[step.Id] = RunWhenReadyAsync(step, waitFor);
        }

        async Task<StepOutcome> RunWhenReadyAsync(RecipeStep step, Task<StepOutcome>[] waitFor)
        {
            try
            {
                await Task.WhenAll(waitFor).ConfigureAwait(false);
            }
            catch
            {
                return NotRun(step);
            }
            if (held.Contains(step.Id)) return NotRun(step, $"waits for the run after '{request.StopAfter}'");
            if (waitFor.Any(t => t.Result.Status == StepStatus.NotRun)) return NotRun(step);
            await slots.WaitAsync(stop.Token).ConfigureAwait(false);
            try
            {
                stop.Token.ThrowIfCancellationRequested();
                var outcome = await RunStepAsync(recipe, step, workspace, history, scope, forced.Contains(step.Id), observer, request, stop.Token).ConfigureAwait(false);
                observer.StepFinished(outcome);
                return outcome;
            }
            catch
            {
                // A failed step stops the steps not yet started; running ones finish and keep their work for a resume.
                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                slots.Release();
            }
        }

        try
        {
            await Task.WhenAll(tasks.Values).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            var first = tasks.Values.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault()
                ?? (cancellationToken.IsCancellationRequested ? new OperationCanceledException(cancellationToken) : e);
            run.Failed(first);
            if (first is OperationCanceledException) throw first;
            throw Located(recipe, tasks, first);
        }

        var steps = recipe.Steps.Select(s => tasks[s.Id].Result).ToList();
        if (held.Count > 0)
        {
            run.Paused();
            return new PipelineRunResult(recipe.Name, workspace.Directory, steps, [], clock.Elapsed) { StoppedAfter = request.StopAfter };
        }
        var outputs = run.Completed(recipe);
        return new PipelineRunResult(recipe.Name, workspace.Directory, steps, outputs, clock.Elapsed);
    }

    private static StepOutcome NotRun(RecipeStep step, string reason = "an earlier step failed") =>
        new(step.Id, step.Tool, StepStatus.NotRun, null, null, reason, TimeSpan.Zero, null, null, []);

    /// <summary>A failed step's error names the step and its place in the recipe; known error kinds keep their kind.</summary>
    private static Exception Located(Recipe recipe, Dictionary<string, Task<StepOutcome>> tasks, Exception error)
    {
        var failed = recipe.Steps.FirstOrDefault(s => tasks[s.Id].IsFaulted && tasks[s.Id].Exception!.InnerException == error);
        if (error is PipelineException || failed is null) return error;
        if (error is DubAgentException known)
            return new PipelineException($"Step '{failed.Id}' ({failed.Tool}) failed: {known.Message}", recipe.File, failed.At.Line,
                failed.At.Column, known.Hint, known);
        return new PipelineException($"Step '{failed.Id}' ({failed.Tool}) failed: {error.Message}", recipe.File, failed.At.Line,
            failed.At.Column, "Run again with --verbose for details; finished steps are kept and a re-run resumes here.", error);
    }

    private async Task<StepOutcome> RunStepAsync(Recipe recipe, RecipeStep step, JobWorkspace workspace, JobHistory history, RunScope scope,
        bool force, IPipelineObserver observer, PipelineRunRequest request, CancellationToken cancellationToken)
    {
        if (step.When is { } when && !Evaluation.IsTrue(recipe, when, scope))
        {
            scope.SetResult(step.Id, null);
            return new StepOutcome(step.Id, step.Tool, StepStatus.Skipped, null, null, $"when is false: {when.Source}", TimeSpan.Zero, null, null, []);
        }

        var (tool, bound, decision) = await binder.BindAsync(recipe, step, scope, cancellationToken).ConfigureAwait(false);

        var context = new ToolContext
        {
            WorkDirectory = workspace.StepDirectory(step.Id),
            JobDirectory = workspace.Directory,
            Services = services,
            Progress = new StepProgress(update => observer.StepProgress(step, update)),
            CancellationToken = cancellationToken,
            Logger = _logger,
            Paths = request.Paths,
            CallerChat = request.CallerChat,
            Provenance = history,
        };
        var call = await calls.InvokeAsync(new ToolCallRequest(tool, bound, context)
        {
            Step = new RecordedStep(workspace, step.Id, history, Reuse: !force) { Running = () => observer.StepStarted(step, decision?.Ran) },
            Engine = decision,
        }, cancellationToken).ConfigureAwait(false);
        var record = call.Record!;
        scope.SetResult(step.Id, record.Result);
        return new StepOutcome(step.Id, tool.Name, call.Reused ? StepStatus.Cached : StepStatus.Ran, record.EngineAsked, record.EngineRan,
            record.EngineReason, TimeSpan.FromSeconds(record.Seconds), record.RealTimeFactor, record.Result, record.Notes);
    }

    /// <summary>Reports synchronously on the reporting thread (Progress&lt;T&gt; would post to a context the CLI does not have).</summary>
    private sealed class StepProgress(Action<ProgressUpdate> report) : IProgress<ProgressUpdate>
    {
        public void Report(ProgressUpdate value) => report(value);
    }

    private sealed class NullObserver : IPipelineObserver;
}
