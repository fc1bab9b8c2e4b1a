using System.Collections.Concurrent;
using DubAgent.Cli.Hosting;
using DubAgent.Cli.Tests.Demo;
using DubAgent.Cli.Tests.Support;
using DubAgent.Cluster.Coordinator;
using DubAgent.Cluster.Tests.Support;
using DubAgent.Core.Pipelines;
using DubAgent.Core.Workspace;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cluster.Tests.Runs;

/// <summary>
/// A worker that hangs mid-step (SIGSTOP) loses its broker connection (missed heartbeats) and the step goes to the
/// other worker, which waits for the hung one's lock; the hung one comes back (SIGCONT) and commits. One set of outputs
/// is committed, and the run takes the first completion it hears and ignores the second.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class HungWorkerTests(LocalBroker broker, DemoFixture demo) : IDisposable
{
    private const string Heartbeat = "Cluster:HeartbeatSeconds=3";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public async Task A_hung_worker_whose_step_is_handed_over_still_leaves_one_committed_result_and_one_completion()
    {
        broker.Require();
        var recipeFile = _folder["hang.yaml"];
        await File.WriteAllTextAsync(recipeFile, """
            name: hang
            inputs:
              media: { type: file, required: true }
            steps:
              - id: separate
                tool: separate_audio
                with: { input: ${{ inputs.media }} }
                engine: { use: dsp }
            """);
        var (recipe, problems) = RecipeLoader.LoadFile(recipeFile);
        Assert.Empty(problems);
        var workers = new ConcurrentDictionary<string, WorkerProcess>
        {
            ["worker-a"] = await WorkerProcess.StartAsync(broker.Url, "worker-a", "separate", 1, Heartbeat),
            ["worker-b"] = await WorkerProcess.StartAsync(broker.Url, "worker-b", "separate", 1, Heartbeat),
        };
        try
        {
            await using var host = new CliHost(["--config", $"Cluster:Broker={broker.Url}"]);
            var hang = new HangOnStep(workers);
            var run = host.Services.GetRequiredService<ClusterCoordinator>().RunAsync(recipe!,
                new PipelineRunRequest(new Dictionary<string, string> { ["media"] = demo.Media.Video }, _folder["job"]), hang);

            var hung = await hang.Frozen.Task.WaitAsync(TimeSpan.FromMinutes(3));
            var other = workers.Values.Single(w => w != hung);
            Assert.True(await other.SaidAsync("is being run by another worker", TimeSpan.FromMinutes(2)),
                $"the broker hands the hung worker's step to {other.Name}, which waits for it:\n{other.Log}");
            Assert.False(run.IsCompleted, "the run waits while the step is held");
            await hung.ThawAsync();
            var result = await run.WaitAsync(TimeSpan.FromMinutes(3));

            var step = Assert.Single(result.Steps);
            Assert.Contains(step.Status, new[] { StepStatus.Ran, StepStatus.Cached });
            // Either the hung worker commits when it comes back (the other then reuses it), or it finds its delivery
            // cancelled with the lost connection and gives way (the other then runs it): never both at once.
            var record = JobWorkspace.ReadRecordIn(Path.Combine(_folder["job"], "separate"))!;
            var ranOn = record.Notes.Single(n => n.StartsWith("worker: ", StringComparison.Ordinal))["worker: ".Length..];
            Assert.True(ranOn == hung.Name || ranOn == other.Name, ranOn);
            // The completion the run took first: from the worker that ran it, or a reuse of that commit by the other.
            var heard = step.Notes.Single(n => n.StartsWith(ClusterNotes.Worker, StringComparison.Ordinal))[ClusterNotes.Worker.Length..];
            if (step.Status == StepStatus.Ran) Assert.Equal(ranOn, heard);
            var stems = record.Result.GetProperty("stems").EnumerateObject().ToList();
            Assert.NotEmpty(stems);
            Assert.All(stems, s => Assert.True(File.Exists(s.Value.GetString()), $"{s.Name} named in step.json is there"));
        }
        finally
        {
            foreach (var worker in workers.Values) await worker.DisposeAsync();
        }
    }

    /// <summary>Freezes the worker that starts the step, the moment it says so; counts the step's starts.</summary>
    private sealed class HangOnStep(ConcurrentDictionary<string, WorkerProcess> workers) : IClusterObserver
    {
        private int _started;

        public TaskCompletionSource<WorkerProcess> Frozen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void StepTaken(RecipeStep step, string worker, bool redelivered)
        {
            if (Interlocked.Increment(ref _started) == 1 && workers.TryGetValue(worker, out var process))
                process.FreezeAsync().ContinueWith(_ => Frozen.TrySetResult(process), TaskScheduler.Default);
        }
    }
}
