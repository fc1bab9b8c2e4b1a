using System.Diagnostics;

namespace DubAgent.Cluster.Coordinator;

/// <summary>
/// A step's cost of going through the broker, as the coordinator sees it, without the time it waited in the queue for a
/// busy worker: (worker's StepStarted → step committed, less the tool's own run time from step.json) plus the hand-over
/// (sent, or the worker becoming free if later → StepStarted). A worker is free when the coordinator hears its previous
/// step of this run committed, so this is exact for one run on workers of concurrency 1 (the bench's setting).
/// Called under the run's lock.
/// </summary>
internal sealed class BrokerOverhead
{
    private readonly Dictionary<string, long> _sent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _started = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _workerFree = new(StringComparer.Ordinal);

    public void Sent(string step) => _sent[step] = Stopwatch.GetTimestamp();

    public void Started(string step, string worker) => _started.TryAdd(step, Stopwatch.GetTimestamp());

    /// <param name="ownSeconds">The tool's run time recorded in step.json (0 when the committed result was reused).</param>
    public double Done(string step, string worker, double ownSeconds)
    {
        var now = Stopwatch.GetTimestamp();
        var sent = _sent[step];
        var free = _workerFree.TryGetValue(worker, out var f) && f > sent ? f : sent;
        _workerFree[worker] = now;
        // A reused result never says StepStarted: all of it is hand-over and cache check.
        if (!_started.TryGetValue(step, out var started)) return Seconds(now - Math.Min(free, now));
        var handOver = Math.Max(0, started - free);
        return Seconds(now - started) - ownSeconds + Seconds(handOver);
    }

    private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;
}
