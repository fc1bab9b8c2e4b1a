using System.Diagnostics;
using System.Runtime;

namespace DubAgent.Cli.Bench;

/// <summary>
/// The process's largest working set while a stage row runs, sampled every 50 ms (the process-wide peak would carry
/// whatever ran before it), and the working set at the start after a full collection, so the rise is the run's own.
/// </summary>
public sealed class PeakMemory : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peak;

    public PeakMemory()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        StartMegabytes = Environment.WorkingSet / 1048576.0;
        _peak = Environment.WorkingSet;
        _sampling = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            while (!_stop.IsCancellationRequested)
            {
                process.Refresh();
                Interlocked.Exchange(ref _peak, Math.Max(Interlocked.Read(ref _peak), process.WorkingSet64));
                try { await Task.Delay(50, _stop.Token).ConfigureAwait(false); } catch (OperationCanceledException) { }
            }
        });
    }

    public double StartMegabytes { get; }

    public double PeakMegabytes => Interlocked.Read(ref _peak) / 1048576.0;

    /// <summary>"peak 1600 MB (+80 MB over its start)".</summary>
    public string Describe() => $"peak {PeakMegabytes:0} MB (+{PeakMegabytes - StartMegabytes:0} MB over its start)";

    public void Dispose()
    {
        _stop.Cancel();
        _sampling.Wait();
        _stop.Dispose();
    }
}
