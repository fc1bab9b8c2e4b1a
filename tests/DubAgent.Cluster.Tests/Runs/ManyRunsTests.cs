using DubAgent.Cli.Hosting;
using DubAgent.Cli.Tests.Demo;
using DubAgent.Cli.Tests.Support;
using DubAgent.Cluster.Coordinator;
using DubAgent.Cluster.Tests.Support;
using DubAgent.Core.Pipelines;
using DubAgent.Core.Workspace;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cluster.Tests.Runs;

/// <summary>Several runs submitted at once share the queues: every run completes, and their steps run side by side on both workers.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ManyRunsTests(LocalBroker broker, DemoFixture demo) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public async Task Three_runs_submitted_at_once_over_two_workers_all_complete_with_their_steps_interleaved()
    {
        broker.Require();
        await File.WriteAllTextAsync(_folder["short.yaml"], """
            name: short
            inputs:
              media: { type: file, required: true }
            steps:
              - id: probe
                tool: analyze_media
                with: { input: ${{ inputs.media }} }
              - id: separate
                tool: separate_audio
                with: { input: ${{ inputs.media }} }
                engine: { use: dsp }
            """);
        var (recipe, problems) = RecipeLoader.LoadFile(_folder["short.yaml"]);
        Assert.Empty(problems);
        await using var a = await WorkerProcess.StartAsync(broker.Url, "many-a", "analyze_media,separate");
        await using var b = await WorkerProcess.StartAsync(broker.Url, "many-b", "analyze_media,separate");
        await using var host = new CliHost(["--config", $"Cluster:Broker={broker.Url}"]);
        var coordinator = host.Services.GetRequiredService<ClusterCoordinator>();
        var inputs = new Dictionary<string, string> { ["media"] = demo.Media.Video };

        var runs = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => coordinator.RunAsync(recipe!, new PipelineRunRequest(inputs, _folder[$"run{i}"]))));

        Assert.All(runs, r => Assert.All(r.Steps, s => Assert.Equal(StepStatus.Ran, s.Status)));
        var records = Enumerable.Range(1, 3).SelectMany(i => new[] { "probe", "separate" }
            .Select(s => (Run: i, Record: JobWorkspace.ReadRecordIn(Path.Combine(_folder[$"run{i}"], s))!))).ToList();
        var workers = records.Select(r => r.Record.Notes.Single(n => n.StartsWith(ClusterNotes.Worker, StringComparison.Ordinal))).Distinct().ToList();
        Assert.Equal(2, workers.Count);
        // Interleaved: some step of one run was running while a step of another run ran on the other worker.
        Assert.Contains(records, x => records.Any(y => y.Run != x.Run && y.Record.Started < x.Record.Ended && x.Record.Started < y.Record.Ended));
    }
}
