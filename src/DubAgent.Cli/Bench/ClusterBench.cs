using System.Diagnostics;
using System.Globalization;
using DubAgent.Cluster;
using DubAgent.Cluster.Coordinator;
using DubAgent.Core.Pipelines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The cluster on this machine: four demo dubs submitted at once to one worker, then to two (the throughput ratio; on a
/// two-core machine the workers share the same cores, so the gain is modest), and the median per-step cost of going
/// through the broker in one dub alone on two idle workers (the coordinator's BrokerOverhead: queue waits are not counted).
/// The load average goes next to each figure: on a shared machine it says how far to trust them. Uses Cluster:Broker, or
/// the local broker `./dubagent test` starts.
/// </summary>
public sealed class ClusterBench : IBenchStage
{
    private const int Dubs = 4;
    private const string LocalBroker = "amqp://localhost:5672/";

    public string Stage => "cluster";

    public int Order => 97;

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context)
    {
        var configuration = context.Services.GetRequiredService<IConfiguration>();
        var broker = ClusterOptions.From(configuration).Broker is { Length: > 0 } configured ? configured : LocalBroker;
        var coordinator = context.Services.GetRequiredService<ClusterCoordinator>();
        if (configuration[ClusterOptions.BrokerKey] is null) configuration[ClusterOptions.BrokerKey] = broker;
        var (recipe, problems) = RecipeLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "pipelines", "dub.yaml"));
        if (recipe is null || problems.Count > 0) throw RecipeProblem.ToException(problems);

        var rows = new List<BenchRow>();
        var seconds = new Dictionary<int, double>();
        double media = 0;
        PipelineRunRequest Dub(string folder) =>
            new(new Dictionary<string, string> { ["video"] = context.DemoVideo }, Path.Combine(context.WorkDirectory, folder));
        foreach (var workers in new[] { 1, 2 })
        {
            await using var started = await BenchWorkers.StartAsync(workers, broker, context.CancellationToken).ConfigureAwait(false);
            var load = MachineLoad.Now();
            var clock = Stopwatch.StartNew();
            var runs = await Task.WhenAll(Enumerable.Range(1, Dubs).Select(i => coordinator.RunAsync(recipe, Dub($"{workers}w-dub{i}"), null,
                context.CancellationToken))).ConfigureAwait(false);
            seconds[workers] = clock.Elapsed.TotalSeconds;
            media = runs[0].Steps.First(s => s.Step == "probe").Result?.GetProperty("duration_seconds").GetDouble() ?? media;
            rows.Add(new BenchRow(Stage, $"{Dubs} dubs, {workers} worker{(workers > 1 ? "s" : "")}", media > 0 ? seconds[workers] / (Dubs * media) : null,
                workers == 1
                    ? Text($"{Dubs} demo dubs in {seconds[workers]:0.0} s")
                    : Text($"{Dubs} demo dubs in {seconds[workers]:0.0} s; throughput ×{seconds[1] / seconds[workers]:0.00} over one worker"),
                new Dictionary<string, double> { ["workers"] = workers, ["dubs"] = Dubs, ["seconds"] = seconds[workers], ["load_start"] = load.Start, ["load_end"] = MachineLoad.Now().Start },
                Note: load.Until(MachineLoad.Now())));
        }

        // The broker's own cost: one dub alone on two idle workers, so no step waits in a queue behind another run's.
        double overhead, own;
        int counted;
        MachineLoad before;
        await using (var idle = await BenchWorkers.StartAsync(2, broker, context.CancellationToken).ConfigureAwait(false))
        {
            before = MachineLoad.Now();
            var alone = await coordinator.RunAsync(recipe, Dub("overhead-dub"), null, context.CancellationToken).ConfigureAwait(false);
            var ran = alone.Steps.Where(s => s.Status == StepStatus.Ran).ToList();
            var overheads = ran.Select(Overhead).OfType<double>().ToList();
            (overhead, own, counted) = (Median(overheads), Median(ran.Select(s => s.Elapsed.TotalSeconds).ToList()), overheads.Count);
        }
        rows.Add(new BenchRow(Stage, "broker overhead per step", null,
            Text($"median {overhead:0.000} s per step over the {counted} steps of one demo dub (a step's own work: median {own:0.00} s)"),
            new Dictionary<string, double> { ["overhead_median_seconds"] = overhead, ["step_median_seconds"] = own, ["steps"] = counted },
            Note: $"StepStarted→committed less step.json's seconds, plus hand-over to an idle worker; {before.Until(MachineLoad.Now())}"));
        return rows;
    }

    private static double? Overhead(StepOutcome step) =>
        step.Notes.FirstOrDefault(n => n.StartsWith(ClusterNotes.Overhead, StringComparison.Ordinal)) is { } note
        && double.TryParse(note[ClusterNotes.Overhead.Length..].TrimEnd(' ', 's'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static double Median(List<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
