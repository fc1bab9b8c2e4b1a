using DubAgent.Cli.Tests.Support;

namespace DubAgent.Cluster.Tests.Broker;

/// <summary>No broker on the port: `run --cluster` and `worker` stop at once with the setting and the fix, not a stack trace.</summary>
public sealed class BrokerUnreachableTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_worker_names_Cluster_Broker_and_how_to_start_the_broker_without_showing_the_password()
    {
        var run = await CliRun.InProcessAsync("worker", "--config", "Cluster:Broker=amqp://dub:hunter2@127.0.0.1:1/");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("The RabbitMQ broker of Cluster:Broker (amqp://127.0.0.1:1/) cannot be reached", run.Stderr);
        Assert.Contains("rabbitmq-server", run.Stderr);
        Assert.DoesNotContain("hunter2", run.Stderr + run.Stdout);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    /// <summary>`run --cluster` of a one-step recipe calling <paramref name="tool"/>, with no broker on the port.</summary>
    private async Task<CliOutput> RunWithoutBrokerAsync(string tool)
    {
        var recipe = _folder["one.yaml"];
        await File.WriteAllTextAsync(recipe, $$$"""
            name: one
            inputs:
              text: { type: string, default: hello }
            steps:
              - id: probe
                tool: {{{tool}}}
                with: { input: ${{ inputs.text }} }
            """);
        return await CliRun.InProcessAsync("run", recipe, "--out", _folder["job"], "--cluster", "--config", "Cluster:Broker=amqp://127.0.0.1:1/");
    }

    [Fact]
    public async Task A_cluster_run_stops_before_any_step_with_the_same_error()
    {
        var run = await RunWithoutBrokerAsync("analyze_media");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Cluster:Broker (amqp://127.0.0.1:1/) cannot be reached", run.Stderr);
        Assert.Contains("hint: Start the broker", run.Stderr);
        Assert.False(Directory.Exists(_folder["job"]), "nothing is written before the broker answers");
    }

    [Fact]
    public async Task A_mistake_in_the_recipe_is_reported_before_the_broker_is_tried()
    {
        var run = await RunWithoutBrokerAsync("analyse_media");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("analyse_media", run.Stderr);
        Assert.DoesNotContain("cannot be reached", run.Stderr);
        Assert.False(Directory.Exists(_folder["job"]));
    }

    [Fact]
    public async Task A_cluster_run_without_a_broker_setting_says_which_setting_is_missing()
    {
        var run = await CliRun.InProcessAsync("worker", "--config", "Cluster:Retries=1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Cluster:Broker is not set", run.Stderr);
    }
}
