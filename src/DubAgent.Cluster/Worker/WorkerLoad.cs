using System.Collections.Concurrent;
using DubAgent.Cluster.Messages;

namespace DubAgent.Cluster.Worker;

/// <summary>The steps a worker is running now, for its heartbeat.</summary>
public sealed class WorkerLoad
{
    private readonly ConcurrentDictionary<string, byte> _running = new(StringComparer.Ordinal);

    public IDisposable Track(StepExecution step)
    {
        var key = $"{step.StepId} ({step.Tool}, run {step.RunId:N})";
        _running[key] = 0;
        return new Release(() => _running.TryRemove(key, out _));
    }

    public List<string> Running => _running.Keys.Order(StringComparer.Ordinal).ToList();

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }
}
