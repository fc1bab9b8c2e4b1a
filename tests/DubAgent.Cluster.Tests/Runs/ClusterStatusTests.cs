using System.Text.Json;
using DubAgent.Cli.Tests.Support;
using DubAgent.Cluster.Tests.Support;

namespace DubAgent.Cluster.Tests.Runs;

[Collection(ClusterCollection.Name)]
public sealed class ClusterStatusTests(LocalBroker broker)
{
    [SkippableFact]
    public async Task Status_lists_a_running_worker_with_its_queues_and_the_depth_of_each_step_queue()
    {
        broker.Require();
        await using var worker = await WorkerProcess.StartAsync(broker.Url, "status-worker", "mix,export", concurrency: 2);

        var run = await CliRun.InProcessAsync("cluster", "status", "--json", "--config", $"Cluster:Broker={broker.Url}");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var snapshot = JsonDocument.Parse(run.Stdout);
        var heard = snapshot.RootElement.GetProperty("workers").EnumerateArray().Single(w => w.GetProperty("worker").GetString() == "status-worker");
        Assert.Equal(["mix", "export"], heard.GetProperty("queues").EnumerateArray().Select(q => q.GetString()));
        Assert.Equal(2, heard.GetProperty("concurrency").GetInt32());
        var queues = snapshot.RootElement.GetProperty("queues").EnumerateArray().ToDictionary(q => q.GetProperty("key").GetString()!);
        Assert.True(queues["mix"].GetProperty("consumers").GetUInt32() >= 1);
        Assert.Contains("separate", queues.Keys);
        Assert.Equal("amqp://localhost:5672/dubagent-test", snapshot.RootElement.GetProperty("broker").GetString());
    }
}
