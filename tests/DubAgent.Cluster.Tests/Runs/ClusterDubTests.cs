using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using DubAgent.Cli.Hosting;
using DubAgent.Cli.Tests.Demo;
using DubAgent.Cli.Tests.Support;
using DubAgent.Cluster.Coordinator;
using DubAgent.Cluster.Tests.Support;
using DubAgent.Core.Pipelines;
using DubAgent.Core.Workspace;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cluster.Tests.Runs;

/// <summary>The demo dubbed through the real broker by two `dubagent worker` processes, one of them killed mid-step.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterDubTests(LocalBroker broker, DemoFixture demo) : IDisposable
{
    private static readonly string[] Outputs =
        ["separate/vocals.wav", "transcribe/transcript.json", "translate/translation.json", "synthesize/voice.wav", "mix/mix.wav", "export/es_demo_dubbed.mp4"];

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public async Task The_demo_dub_runs_with_its_steps_spread_over_a_separation_worker_and_a_worker_for_the_rest()
    {
        broker.Require();
        await using var gpu = await WorkerProcess.StartAsync(broker.Url, "gpu-worker", "separate,transcribe,diarize");
        await using var cpu = await WorkerProcess.StartAsync(broker.Url, "cpu-worker", "analyze_media,translate,write_subtitles,synthesize,mix,export");

        var run = await CliRun.InProcessAsync("run", "dub", "--input", demo.Media.Video, "--out", _folder["job"], "--cluster",
            "--config", $"Cluster:Broker={broker.Url}");

        Assert.True(run.ExitCode == 0, run.Stderr + gpu.Log + cpu.Log);
        Assert.Contains($"mix: {Path.Combine(_folder["job"], "mix", "mix.wav")}", run.Stdout);
        var ranOn = RanOn(_folder["job"]);
        Assert.Equal(["gpu-worker"], new[] { "separate", "transcribe", "diarize" }.Select(s => ranOn[s]).Distinct());
        Assert.Equal(["cpu-worker"], new[] { "probe", "translate", "subtitles", "synthesize", "mix", "export" }.Select(s => ranOn[s]).Distinct());
        Assert.True(File.Exists(Path.Combine(_folder["job"], "export", "es_demo_dubbed.mp4")));
    }

    [SkippableFact]
    public async Task A_worker_killed_mid_step_leaves_the_step_to_the_other_and_the_dub_is_the_same_as_a_local_run()
    {
        broker.Require();
        await using var host = new CliHost(["--config", $"Cluster:Broker={broker.Url}"]);
        var recipe = LoadDub();
        var inputs = new Dictionary<string, string> { ["video"] = demo.Media.Video };
        var local = await host.Services.GetRequiredService<PipelineRunner>().RunAsync(recipe, new PipelineRunRequest(inputs, _folder["local"]));

        var workers = new ConcurrentDictionary<string, WorkerProcess>
        {
            ["worker-a"] = await WorkerProcess.StartAsync(broker.Url, "worker-a"),
            ["worker-b"] = await WorkerProcess.StartAsync(broker.Url, "worker-b"),
        };
        try
        {
            var killer = new KillOnStep("transcribe", workers);
            var result = await host.Services.GetRequiredService<ClusterCoordinator>()
                .RunAsync(recipe, new PipelineRunRequest(inputs, _folder["cluster"]), killer);

            Assert.All(result.Steps, s => Assert.Equal(StepStatus.Ran, s.Status));
            var (first, redelivered) = (killer.Taken[0], killer.Taken[1]);
            Assert.False(first.Redelivered);
            Assert.True(redelivered.Redelivered, "the broker hands the unacknowledged step over again");
            Assert.NotEqual(first.Worker, redelivered.Worker);
            Assert.Equal(redelivered.Worker, RanOn(_folder["cluster"])["transcribe"]);
            foreach (var output in Outputs)
                Assert.True(Hash(Path.Combine(_folder["local"], output)) == Hash(Path.Combine(_folder["cluster"], output)), $"{output} differs from the local run");
        }
        finally
        {
            foreach (var worker in workers.Values) await worker.DisposeAsync();
        }
    }

    private static Recipe LoadDub()
    {
        var (recipe, problems) = RecipeLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "pipelines", "dub.yaml"));
        Assert.Empty(problems);
        return recipe!;
    }

    /// <summary>Which worker committed each step, from the `worker:` note of its step.json.</summary>
    private static Dictionary<string, string> RanOn(string job) =>
        Directory.EnumerateDirectories(job).Select(d => JobWorkspace.ReadRecordIn(d)).OfType<StepRecord>()
            .ToDictionary(r => r.Step, r => r.Notes.Single(n => n.StartsWith("worker: ", StringComparison.Ordinal))["worker: ".Length..]);

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>SIGKILLs the worker that takes the step first, the moment it says it started it.</summary>
    private sealed class KillOnStep(string stepId, ConcurrentDictionary<string, WorkerProcess> workers) : IClusterObserver
    {
        public List<(string Worker, bool Redelivered)> Taken { get; } = [];

        public void StepTaken(RecipeStep step, string worker, bool redelivered)
        {
            if (step.Id != stepId) return;
            lock (Taken) Taken.Add((worker, redelivered));
            if (!redelivered && workers.TryGetValue(worker, out var process)) process.KillHard();
        }
    }
}
