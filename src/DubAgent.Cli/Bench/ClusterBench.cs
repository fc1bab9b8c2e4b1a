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
/// through the broker (from sending a step to hearing it committed, less the step's own work). Uses Cluster:Broker, or
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
        var overheads = new List<double>();
        var own = new List<double>();
        var seconds = new Dictionary<int, double>();
        double media = 0;
        foreach (var workers in new[] { 1, 2 })
        {
            await using var started = await BenchWorkers.StartAsync(workers, broker, context.CancellationToken).ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            var runs = await Task.WhenAll(Enumerable.Range(1, Dubs).Select(i => coordinator.RunAsync(recipe,
                new PipelineRunRequest(new Dictionary<string, string> { ["video"] = context.DemoVideo }, Path.Combine(context.WorkDirectory, $"{workers}w-dub{i}")),
                null, context.CancellationToken))).ConfigureAwait(false);
            seconds[workers] = clock.Elapsed.TotalSeconds;
            var ran = runs.SelectMany(r => r.Steps).Where(s => s.Status == StepStatus.Ran).ToList();
            overheads.AddRange(ran.Select(Overhead).OfType<double>());
            own.AddRange(ran.Select(s => s.Elapsed.TotalSeconds));
            media = runs[0].Steps.First(s => s.Step == "probe").Result?.GetProperty("duration_seconds").GetDouble() ?? media;
            rows.Add(new BenchRow(Stage, $"{Dubs} dubs, {workers} worker{(workers > 1 ? "s" : "")}", media > 0 ? seconds[workers] / (Dubs * media) : null,
                workers == 1
                    ? Text($"{Dubs} demo dubs in {seconds[workers]:0.0} s")
                    : Text($"{Dubs} demo dubs in {seconds[workers]:0.0} s; throughput ×{seconds[1] / seconds[workers]:0.00} over one worker"),
                new Dictionary<string, double> { ["workers"] = workers, ["dubs"] = Dubs, ["seconds"] = seconds[workers] }));
        }
        var medianOverhead = Median(overheads);
        var medianOwn = Median(own);
        rows.Add(new BenchRow(Stage, "broker overhead per step", null,
            Text($"median {medianOverhead:0.000} s per step over {overheads.Count} steps (a step's own work: median {medianOwn:0.00} s)"),
            new Dictionary<string, double> { ["overhead_median_seconds"] = medianOverhead, ["step_median_seconds"] = medianOwn, ["steps"] = overheads.Count },
            Note: $"throughput ratio {seconds[1] / seconds[2]:0.00} with 2 workers on {Environment.ProcessorCount} cores"));
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
