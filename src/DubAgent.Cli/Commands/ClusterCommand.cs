using System.CommandLine;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Cli.Hosting;
using DubAgent.Cluster;
using DubAgent.Cluster.Broker;
using DubAgent.Cluster.Messages;
using DubAgent.Cluster.Status;
using DubAgent.Core.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace DubAgent.Cli.Commands;

/// <summary>`dubagent cluster status [--json]`: the workers heard from (queues, load, running steps) and every step queue's depth.</summary>
public static class ClusterCommand
{
    public static Command Create(CliHost host)
    {
        var json = new Option<bool>("--json") { Description = "Print the snapshot as JSON on stdout." };
        var status = new Command("status", "The workers on the broker of Cluster:Broker (what they serve, what they run) and the depth of each step queue and its dead-letter queue.")
        {
            json,
        };
        status.SetAction(async (parse, cancellationToken) =>
        {
            var services = host.Services;
            var broker = BrokerAddress.From(ClusterOptions.From(host.Configuration));
            var keys = StepQueues.AllKeys(services.GetRequiredService<ToolInvoker>().All);
            var snapshot = await ClusterStatus.TakeAsync(broker, keys, cancellationToken, services.GetService<ILoggerFactory>()).ConfigureAwait(false);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
                await stdout.WriteLineAsync(JsonSerializer.Serialize(snapshot, DubAgentJson.Options)).ConfigureAwait(false);
            else
                Write(TerminalOutput.For(stdout), snapshot);
            return 0;
        });
        return new Command("cluster", "The cluster of `dubagent worker` processes (docs/cluster.md).") { status };
    }

    private static void Write(IAnsiConsole console, ClusterSnapshot snapshot)
    {
        console.WriteLine($"Broker: {snapshot.Broker}");
        var workers = new Table().AddColumns("worker", "queues", "load", "running");
        foreach (var w in snapshot.Workers)
            workers.AddRow(Markup.Escape(w.Worker), Markup.Escape(string.Join(", ", w.Queues)), $"{w.Running.Count}/{w.Concurrency}",
                Markup.Escape(w.Running.Count == 0 ? "-" : string.Join("; ", w.Running)));
        if (snapshot.Workers.Count == 0) console.WriteLine("No worker answered (start one with `dubagent worker`).");
        else console.Write(workers);
        var queues = new Table().AddColumns("queue", "waiting", "consumers", "dead-lettered (failed)");
        foreach (var q in snapshot.Queues)
            queues.AddRow(Markup.Escape(q.Queue), q.Waiting.ToString(), q.Consumers.ToString(), q.DeadLettered.ToString());
        console.Write(queues);
    }
}
