using System.Text.Json;
using DubAgent.Cli.Hosting;
using DubAgent.Cli.Tests.Support;
using DubAgent.Cluster.Coordinator;
using DubAgent.Cluster.Messages;
using DubAgent.Core.Pipelines;
using DubAgent.Core.Tools;
using DubAgent.Core.Workspace;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cluster.Tests.Coordinator;

/// <summary>
/// The coordinator's state machine when two executions of one step both report (a hung worker that came back, and the
/// worker the broker handed its step to): the first completion is the step's, a second one and a late fault change nothing.
/// </summary>
public sealed class FirstCompletionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_first_completion_of_a_step_counts_and_a_second_completion_or_a_late_fault_is_ignored()
    {
        await using var host = new CliHost([]);
        var yaml = """
            name: once
            inputs:
              media: { type: string, required: true }
            steps:
              - id: probe
                tool: analyze_media
                with: { input: ${{ inputs.media }} }
            """;
        await File.WriteAllTextAsync(_folder["once.yaml"], yaml);
        var (recipe, problems) = RecipeLoader.LoadFile(_folder["once.yaml"]);
        Assert.Empty(problems);
        var inputs = new Dictionary<string, string> { ["media"] = "episode.mp4" };
        var workspace = new JobWorkspace(_folder["job"]);
        var observer = new Finished();
        var run = new ClusterRun(Guid.NewGuid(), recipe!, yaml, new PipelineRunRequest(inputs, workspace.Directory), workspace,
            new RunScope(RunInputs.Bind(recipe!, inputs, [])), new HashSet<string>(), host.Services.GetRequiredService<ToolInvoker>(), observer, 3);
        var sent = new List<StepExecution>();
        await run.StartAsync(m =>
        {
            sent.Add(m);
            return Task.CompletedTask;
        });
        var message = Assert.Single(sent);

        // What the worker that ran it committed, then its completion, then the other execution's reuse of it and a late fault.
        workspace.WriteRecord(new StepRecord
        {
            Step = "probe", Tool = "analyze_media", CacheKey = "key-1", Seconds = 2, Notes = ["worker: worker-a"],
            Result = JsonSerializer.SerializeToElement(new { duration_seconds = 12.5 }),
        });
        await run.OnCompletedAsync(new StepCompleted { RunId = run.RunId, StepId = "probe", Worker = "worker-a", CacheKey = "key-1" });
        await run.OnCompletedAsync(new StepCompleted { RunId = run.RunId, StepId = "probe", Worker = "worker-b", CacheKey = "key-1", Cached = true });
        run.OnFault(new LateFault(message));

        await run.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        var outcome = Assert.Single(observer.Outcomes);
        Assert.Equal(StepStatus.Ran, outcome.Status);
        Assert.Contains("worker: worker-a", outcome.Notes);
        Assert.Equal(StepStatus.Ran, Assert.Single(run.Outcomes).Status);
    }

    private sealed class Finished : IPipelineObserver
    {
        public List<StepOutcome> Outcomes { get; } = [];

        public void StepFinished(StepOutcome outcome)
        {
            lock (Outcomes) Outcomes.Add(outcome);
        }
    }

    /// <summary>The fault MassTransit publishes when an execution gives up after its retries.</summary>
    private sealed class LateFault(StepExecution message) : Fault<StepExecution>
    {
        public StepExecution Message => message;
        public Guid FaultId => Guid.NewGuid();
        public Guid? FaultedMessageId => null;
        public DateTime Timestamp => DateTime.UtcNow;
        public ExceptionInfo[] Exceptions => [];
        public HostInfo Host => null!;
        public string[] FaultMessageTypes => [];
    }
}
