using System.Collections.Concurrent;
using DubAgent.Core.Processes;

namespace DubAgent.Cli.Tests.Demo;

/// <summary>The real process runner, remembering every program it starts (to count how often a run probes and decodes).</summary>
public sealed class CountingProcessRunner(IProcessRunner inner) : IProcessRunner
{
    private readonly ConcurrentQueue<ProcessRequest> _started = new();

    public IReadOnlyList<ProcessRequest> Started => _started.ToList();

    public Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
    {
        _started.Enqueue(request);
        return inner.RunAsync(request, cancellationToken);
    }

    public int Count(string program) => Started.Count(r => Path.GetFileNameWithoutExtension(r.Program) == program);
}
