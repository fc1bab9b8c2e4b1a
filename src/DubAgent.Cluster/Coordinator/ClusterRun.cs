using System.Globalization;
using DubAgent.Abstractions.Errors;
using DubAgent.Cluster.Messages;
using DubAgent.Core.Pipelines;
using DubAgent.Core.Tools;
using DubAgent.Core.Workspace;
using MassTransit;
using PipelineException = DubAgent.Abstractions.Errors.PipelineException;

namespace DubAgent.Cluster.Coordinator;

/// <summary>
/// The state machine of one cluster run. Each step goes Waiting → Sent → Done (ran or reused) or Skipped (`when` is
/// false) or NotRun (a step it reads failed); a fault from the dead-letter path fails the run. A step is sent to its
/// capability queue as soon as every step it reads has ended, so independent steps run at once on different workers.
/// Worker events arrive on the bus's threads; every transition happens under one lock.
/// </summary>
internal sealed class ClusterRun(
    Guid runId,
    Recipe recipe,
    string recipeYaml,
    PipelineRunRequest request,
    JobWorkspace workspace,
    RunScope scope,
    IReadOnlySet<string> forced,
    ToolInvoker invoker,
    IPipelineObserver observer,
    int retries)
{
    private enum State { Waiting, Sent, Done, Skipped, NotRun }

    private readonly object _gate = new();
    private readonly IReadOnlyDictionary<string, IReadOnlySet<string>> _dependencies = StepDependencies.Of(recipe);
    private readonly Dictionary<string, State> _states = recipe.Steps.ToDictionary(s => s.Id, _ => State.Waiting);
    private readonly Dictionary<string, string?> _results = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StepOutcome> _outcomes = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _recipeHash = Worker.WorkerStepCall.RecipeHash(recipeYaml);
    private readonly BrokerOverhead _overhead = new();
    private Func<StepExecution, Task> _send = _ => Task.CompletedTask;

    public Guid RunId => runId;

    /// <summary>Ends when every step has ended, or with the first failure.</summary>
    public Task Completion => _done.Task;

    public IReadOnlyList<StepOutcome> Outcomes => recipe.Steps.Select(s => _outcomes[s.Id]).ToList();

    public Task StartAsync(Func<StepExecution, Task> send)
    {
        _send = send;
        return DispatchAsync();
    }

    public void OnStarted(StepStarted e)
    {
        if (e.RunId != runId || recipe.FindStep(e.StepId) is not { } step) return;
        lock (_gate)
        {
            if (_states[step.Id] != State.Sent) return;
            _overhead.Started(step.Id, e.Worker);
        }
        observer.StepStarted(step, e.Engine);
        (observer as IClusterObserver)?.StepTaken(step, e.Worker, e.Redelivered);
    }

    public void OnProgress(StepProgressed e)
    {
        if (e.RunId != runId || recipe.FindStep(e.StepId) is not { } step) return;
        observer.StepProgress(step, new(e.Fraction, e.Message));
    }

    public Task OnCompletedAsync(StepCompleted e)
    {
        if (e.RunId != runId || recipe.FindStep(e.StepId) is not { } step) return Task.CompletedTask;
        StepOutcome outcome;
        lock (_gate)
        {
            if (_states[step.Id] != State.Sent) return Task.CompletedTask;
            // The committed record in the shared job folder is the result; the event only says it is there.
            var record = workspace.ReadRecord(step.Id);
            if (record is null || record.CacheKey != e.CacheKey)
            {
                Fail(new PipelineException($"Step '{step.Id}' ({step.Tool}): worker {e.Worker} reported it done, but its step.json in '{workspace.StepDirectory(step.Id)}' is missing or from other work.",
                    recipe.File, step.At.Line, step.At.Column, "Every worker must see the job folder at the same path on the shared storage (see docs/cluster.md)."));
                return Task.CompletedTask;
            }
            _states[step.Id] = State.Done;
            _results[step.Id] = record.Result.GetRawText();
            scope.SetResult(step.Id, record.Result);
            var overhead = _overhead.Done(step.Id, e.Worker, e.Cached ? 0 : record.Seconds);
            var notes = record.Notes.Where(n => !n.StartsWith(ClusterNotes.Worker, StringComparison.Ordinal))
                .Append($"{ClusterNotes.Worker}{e.Worker}").Append(string.Create(CultureInfo.InvariantCulture, $"{ClusterNotes.Overhead}{overhead:0.000} s")).ToList();
            outcome = new StepOutcome(step.Id, record.Tool, e.Cached ? StepStatus.Cached : StepStatus.Ran, record.EngineAsked, record.EngineRan,
                record.EngineReason, TimeSpan.FromSeconds(record.Seconds), record.RealTimeFactor, record.Result, notes);
            _outcomes[step.Id] = outcome;
        }
        observer.StepFinished(outcome);
        return DispatchAsync();
    }

    public void OnFault(Fault<StepExecution> fault)
    {
        var sent = fault.Message;
        if (sent.RunId != runId || recipe.FindStep(sent.StepId) is not { } step) return;
        var error = fault.Exceptions.FirstOrDefault();
        var type = error?.ExceptionType ?? "";
        var retried = type.EndsWith(nameof(InputException), StringComparison.Ordinal) || type.EndsWith(nameof(PipelineException), StringComparison.Ordinal)
                      || type.EndsWith(nameof(EngineUnavailableException), StringComparison.Ordinal)
            ? "not tried again (it would fail the same way)"
            : $"tried {retries + 1} times with back-off";
        lock (_gate)
        {
            // A step already committed by another worker (the one that kept the message, or a hung one that came back)
            // is done: a late fault of one of its executions changes nothing.
            if (_states[step.Id] != State.Sent) return;
            Fail(new PipelineException(
                $"Step '{step.Id}' ({step.Tool}) failed on worker(s), {retried}, and went to the dead-letter queue '{StepQueues.DeadLetterQueueName(sent.Queue)}': {error?.Message ?? "no error message"}",
                recipe.File, step.At.Line, step.At.Column,
                $"Fix the cause and run again (finished steps are kept and reused); the step's message stays in '{StepQueues.DeadLetterQueueName(sent.Queue)}' for inspection (`rabbitmqctl list_queues`)."));
        }
    }

    private void Fail(Exception error)
    {
        foreach (var id in _states.Keys.Where(id => _states[id] is State.Waiting or State.Sent).ToList())
        {
            _states[id] = State.NotRun;
            _outcomes[id] = new StepOutcome(id, recipe.FindStep(id)!.Tool, StepStatus.NotRun, null, null, "an earlier step failed", TimeSpan.Zero, null, null, []);
        }
        _done.TrySetException(error);
    }

    private async Task DispatchAsync()
    {
        List<StepExecution> ready;
        lock (_gate)
        {
            try
            {
                ready = Advance();
            }
            catch (DubAgentException e)
            {
                Fail(e);
                return;
            }
            if (_states.Values.All(s => s is State.Done or State.Skipped or State.NotRun)) _done.TrySetResult();
        }
        foreach (var message in ready) await _send(message).ConfigureAwait(false);
    }

    /// <summary>Moves every waiting step whose inputs exist: skipped, not run, or sent. Runs under the lock.</summary>
    private List<StepExecution> Advance()
    {
        var ready = new List<StepExecution>();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var step in recipe.Steps.Where(s => _states[s.Id] == State.Waiting))
            {
                var reads = _dependencies[step.Id];
                if (reads.Any(d => _states[d] is State.Waiting or State.Sent)) continue;
                changed = true;
                if (reads.Any(d => _states[d] == State.NotRun))
                {
                    _states[step.Id] = State.NotRun;
                    _outcomes[step.Id] = new StepOutcome(step.Id, step.Tool, StepStatus.NotRun, null, null, "an earlier step failed", TimeSpan.Zero, null, null, []);
                }
                else if (step.When is { } when && !Evaluation.IsTrue(recipe, when, scope))
                {
                    _states[step.Id] = State.Skipped;
                    _results[step.Id] = null;
                    scope.SetResult(step.Id, null);
                    var skipped = new StepOutcome(step.Id, step.Tool, StepStatus.Skipped, null, null, $"when is false: {when.Source}", TimeSpan.Zero, null, null, []);
                    _outcomes[step.Id] = skipped;
                    observer.StepFinished(skipped);
                }
                else
                {
                    _states[step.Id] = State.Sent;
                    _overhead.Sent(step.Id);
                    ready.Add(Message(step, reads));
                }
            }
        }
        return ready;
    }

    private StepExecution Message(RecipeStep step, IReadOnlySet<string> reads) => new()
    {
        RunId = runId,
        StepId = step.Id,
        Tool = step.Tool,
        Queue = StepQueues.KeyOf(invoker.Require(step.Tool)),
        RecipeFile = recipe.File,
        RecipeYaml = recipeYaml,
        RecipeHash = _recipeHash,
        Inputs = new Dictionary<string, string>(request.Inputs),
        Results = reads.ToDictionary(d => d, d => _results[d]),
        JobDirectory = workspace.Directory,
        Force = forced.Contains(step.Id),
        ReadRoots = request.Paths is Core.Paths.RootsPathPolicy roots ? [.. roots.Roots] : null,
    };

}
