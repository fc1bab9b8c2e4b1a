using System.CommandLine;
using DubAgent.Abstractions.Errors;
using DubAgent.Cli.Hosting;
using DubAgent.Cli.Pipelines;
using DubAgent.Cluster;
using DubAgent.Cluster.Broker;
using DubAgent.Cluster.Messages;
using DubAgent.Cluster.Worker;
using DubAgent.Core.Tools;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Commands;

/// <summary>`dubagent worker [--capabilities separate,transcribe,...] [--concurrency N] [--name NAME]`: runs recipe steps sent over RabbitMQ.</summary>
public static class WorkerCommand
{
    public static Command Create(CliHost host)
    {
        var capabilities = new Option<string[]>("--capabilities", "-c")
        {
            Description = "The step queues this machine serves: capabilities (separate, transcribe, diarize, translate, synthesize) and tools without "
                          + "engines (analyze_media, write_subtitles, mix, export); comma-separated or repeated. Default: all of them.",
        };
        var concurrency = new Option<int>("--concurrency", "-n") { Description = "Steps this worker runs at once.", DefaultValueFactory = _ => 1 };
        var name = new Option<string?>("--name") { Description = "The worker's name in events and step records. Default: host-pid." };
        var command = new Command("worker", "Run recipe steps sent by `dubagent run --cluster` over the RabbitMQ broker of Cluster:Broker, until Ctrl+C.")
        {
            capabilities, concurrency, name,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var services = host.Services;
            var options = ClusterOptions.From(host.Configuration);
            var broker = BrokerAddress.From(options);
            var known = StepQueues.AllKeys(services.GetRequiredService<ToolInvoker>().All);
            var queues = Queues(parse.GetValue(capabilities) ?? [], known);
            var n = parse.GetValue(concurrency);
            if (n < 1) throw new InputException($"--concurrency {n} is not a number of steps.", "Give 1 or more.");
            var settings = new WorkerSettings(parse.GetValue(name) ?? WorkerSettings.DefaultName(), queues, n, options.Retries,
                TimeSpan.FromSeconds(options.RetrySeconds), options.JobsRoot);
            var stderr = parse.InvocationConfiguration.Error;
            using var interrupt = new InterruptSignal(cancellationToken);
            await services.GetRequiredService<ClusterWorker>()
                .RunAsync(broker, settings, line => stderr.WriteLine($"dubagent: {line} (Ctrl+C stops)"), interrupt.Token).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static IReadOnlyList<string> Queues(IEnumerable<string> given, IReadOnlyList<string> known)
    {
        var asked = given.SelectMany(g => g.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (asked.Count == 0) return known;
        var unknown = asked.Where(a => !known.Contains(a, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
            throw new InputException($"--capabilities names {string.Join(", ", unknown.Select(u => $"'{u}'"))}, which no step is routed to.",
                $"Use some of: {string.Join(", ", known)}.");
        return asked.Distinct(StringComparer.Ordinal).ToList();
    }
}
