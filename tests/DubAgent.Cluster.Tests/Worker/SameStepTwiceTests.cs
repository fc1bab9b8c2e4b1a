using DubAgent.Abstractions;
using DubAgent.Cli.Hosting;
using DubAgent.Cli.Tests.Demo;
using DubAgent.Cli.Tests.Support;
using DubAgent.Cluster.Messages;
using DubAgent.Cluster.Worker;
using DubAgent.Core.Tools;
using DubAgent.Core.Workspace;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cluster.Tests.Worker;

/// <summary>
/// Two executions of one step at once, as when the broker hands a hung worker's step to another: the step runs once,
/// the other execution waits and reuses its commit, and the job folder holds one set of outputs.
/// </summary>
[Collection(Support.ClusterCollection.Name)]
public sealed class SameStepTwiceTests(DemoFixture demo) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Two_workers_handed_the_same_step_at_once_commit_one_set_of_outputs_and_the_second_reuses_it()
    {
        await using var host = new CliHost([]);
        var call = host.Services.GetRequiredService<WorkerStepCall>();
        var message = await SeparateStepAsync(host);
        var started = 0;
        var waited = new List<string>();

        Task<WorkerStepResult> Run(string worker, bool redelivered) => call.RunAsync(message, worker, null, redelivered,
            _ => Interlocked.Increment(ref started),
            new Progress(update => { lock (waited) if (update.Message?.StartsWith("waiting", StringComparison.Ordinal) == true) waited.Add(worker); }),
            CancellationToken.None);
        var results = await Task.WhenAll(Run("hung-worker", false), Run("second-worker", true));

        Assert.Equal(1, started);
        Assert.Single(results, r => !r.Cached);
        Assert.Single(results, r => r.Cached);
        Assert.Single(waited);
        Assert.Equal(results[0].CacheKey, results[1].CacheKey);
        var record = JobWorkspace.ReadRecordIn(Path.Combine(message.JobDirectory, "separate"))!;
        Assert.Equal(results[0].CacheKey, record.CacheKey);
        var ranOn = record.Notes.Single(n => n.StartsWith("worker: ", StringComparison.Ordinal));
        Assert.Equal(waited.Single() == "hung-worker" ? "worker: second-worker" : "worker: hung-worker", ranOn);
        // What step.json names is what is there, and nothing half-written beside it.
        var named = record.Result.EnumerateObject().Where(p => p.Value.ValueKind == System.Text.Json.JsonValueKind.String)
            .Select(p => p.Value.GetString()!).Where(p => p.StartsWith(message.JobDirectory, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(named);
        Assert.All(named, p => Assert.True(File.Exists(p), $"{p} is named in step.json but missing"));
        Assert.DoesNotContain(Directory.EnumerateFiles(Path.Combine(message.JobDirectory, "separate")), f => f.Contains(".tmp", StringComparison.Ordinal));
    }

    private async Task<StepExecution> SeparateStepAsync(CliHost host)
    {
        var recipe = _folder["twice.yaml"];
        var yaml = """
            name: twice
            inputs:
              media: { type: file, required: true }
            steps:
              - id: separate
                tool: separate_audio
                with: { input: ${{ inputs.media }} }
                engine: { use: dsp }
            """;
        await File.WriteAllTextAsync(recipe, yaml);
        var job = new JobWorkspace(_folder["job"]).Directory;
        return new StepExecution
        {
            RunId = Guid.NewGuid(), StepId = "separate", Tool = "separate_audio",
            Queue = StepQueues.KeyOf(host.Services.GetRequiredService<ToolInvoker>().Require("separate_audio")),
            RecipeFile = recipe, RecipeYaml = yaml, RecipeHash = WorkerStepCall.RecipeHash(yaml),
            Inputs = new() { ["media"] = demo.Media.Video }, JobDirectory = job,
        };
    }

    private sealed class Progress(Action<ProgressUpdate> report) : IProgress<ProgressUpdate>
    {
        public void Report(ProgressUpdate value) => report(value);
    }
}
