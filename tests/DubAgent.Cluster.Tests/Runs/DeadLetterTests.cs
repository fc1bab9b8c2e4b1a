using System.Text.Json;
using DubAgent.Cli.Tests.Support;
using DubAgent.Cluster.Messages;
using DubAgent.Cluster.Tests.Support;
using DubAgent.Core.Workspace;

namespace DubAgent.Cluster.Tests.Runs;

/// <summary>A step that fails every time is tried again with back-off, then lands in its queue's dead-letter queue, and the run says so.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DeadLetterTests(LocalBroker broker) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public async Task A_step_that_always_fails_ends_in_the_dead_letter_queue_and_the_run_reports_it()
    {
        broker.Require();
        var deadLetters = StepQueues.DeadLetterQueueName("analyze_media");
        await broker.PurgeAsync(deadLetters);
        var recipe = _folder["poison.yaml"];
        await File.WriteAllTextAsync(recipe, """
            name: poison
            inputs:
              media: { type: string, required: true }
            steps:
              - id: probe
                tool: analyze_media
                with: { input: ${{ inputs.media }} }
            """);
        var notMedia = _folder["notes.txt"];
        await File.WriteAllTextAsync(notMedia, "not a video\n");
        await using var worker = await WorkerProcess.StartAsync(broker.Url, "poison-worker", "analyze_media", 1,
            "Cluster:Retries=2", "Cluster:RetrySeconds=0.1");

        var run = await CliRun.InProcessAsync("run", recipe, "--set", $"media={notMedia}", "--out", _folder["job"], "--cluster",
            "--config", $"Cluster:Broker={broker.Url}", "--config", "Cluster:Retries=2");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Step 'probe' (analyze_media) failed on worker(s), tried 3 times with back-off, and went to the dead-letter queue "
                        + $"'{deadLetters}'", run.Stderr);
        Assert.Contains("is not a media file", run.Stderr);
        Assert.Equal(1u, await broker.DepthAsync(deadLetters));
        using var job = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder["job"], JobFolder.RecordName)));
        Assert.Equal("failed", job.RootElement.GetProperty("status").GetString());
        Assert.False(File.Exists(Path.Combine(_folder["job"], "probe", JobWorkspace.RecordFileName)), "a failed step commits nothing");
        await broker.PurgeAsync(deadLetters);
    }
}
