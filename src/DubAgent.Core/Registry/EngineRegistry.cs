using System.Diagnostics;
using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Core.Registry;

/// <summary>
/// The engines registered in the services, by capability in registration order (the order is the preference:
/// the first available engine is the default). Of two engines with one name for one capability the first stays.
/// </summary>
public sealed class EngineRegistry : IEngineRegistry
{
    private readonly Dictionary<(string, string), IEngine> _byKey = new();
    private readonly Dictionary<IEngine, (Task<EngineStatus> Check, long Started)> _status = new(ReferenceEqualityComparer.Instance);
    private readonly object _gate = new();

    public EngineRegistry(IEnumerable<IEngine> engines, RegistrationProblems? problems = null)
    {
        var all = new List<IEngine>();
        foreach (var engine in engines)
        {
            if (_byKey.TryGetValue((engine.Capability, engine.Name), out var existing))
            {
                var message = $"Engine '{engine.Name}' ({engine.Capability}) from {ToolRegistry.SourceOf(engine)} was refused: the name is already taken by {ToolRegistry.SourceOf(existing)}. Rename one of them.";
                if (problems is null) throw new InvalidOperationException(message);
                problems.Add(message);
                continue;
            }
            _byKey.Add((engine.Capability, engine.Name), engine);
            all.Add(engine);
        }
        All = all;
    }

    public IReadOnlyList<IEngine> All { get; }

    public IReadOnlyList<IEngine> ForCapability(string capability) =>
        All.Where(e => e.Capability == capability).ToList();

    public IEngine? Find(string capability, string name) => _byKey.GetValueOrDefault((capability, name));

    /// <summary>
    /// How long a finished status check holds (default: the whole process, right for one CLI run). A long-running
    /// server sets a lifetime so an engine installed or started later (Ollama) is noticed without a restart.
    /// </summary>
    public TimeSpan StatusLifetime { get; set; } = Timeout.InfiniteTimeSpan;

    /// <summary>Engine status, checked once per <see cref="StatusLifetime"/> (a check may start the program).</summary>
    public Task<EngineStatus> StatusAsync(IEngine engine, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_status.TryGetValue(engine, out var held) || held.Check.IsFaulted || held.Check.IsCanceled || Expired(held))
                _status[engine] = held = (CheckSafelyAsync(engine, cancellationToken), Stopwatch.GetTimestamp());
            return held.Check;
        }
    }

    private bool Expired((Task<EngineStatus> Check, long Started) held) =>
        StatusLifetime != Timeout.InfiniteTimeSpan && held.Check.IsCompleted && Stopwatch.GetElapsedTime(held.Started) > StatusLifetime;

    public async Task<(T Engine, EngineStatus Status)> ResolveAsync<T>(string capability, string? name, CancellationToken cancellationToken)
        where T : class, IEngine
    {
        var candidates = ForCapability(capability).OfType<T>().ToList();
        if (candidates.Count == 0)
            throw new InputException($"No engine is registered for '{capability}'.");

        if (name is null)
        {
            var missing = new List<string>();
            foreach (var candidate in candidates)
            {
                var status = await StatusAsync(candidate, cancellationToken).ConfigureAwait(false);
                if (status.Available) return (candidate, status);
                missing.Add($"{candidate.Name}: {status.Detail} ({status.InstallHint})");
            }
            throw new EngineUnavailableException(string.Join(", ", candidates.Select(c => c.Name)), capability,
                "no engine for this capability can run here", string.Join("; ", missing));
        }

        var engine = candidates.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new InputException($"Unknown {capability} engine '{name}'.",
                $"Use one of: {string.Join(", ", candidates.Select(c => c.Name))}.");
        var engineStatus = await StatusAsync(engine, cancellationToken).ConfigureAwait(false);
        if (!engineStatus.Available)
            throw new EngineUnavailableException(engine.Name, capability, engineStatus.Detail ?? "not installed", engineStatus.InstallHint);
        return (engine, engineStatus);
    }

    private static async Task<EngineStatus> CheckSafelyAsync(IEngine engine, CancellationToken cancellationToken)
    {
        try
        {
            return await engine.CheckAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return EngineStatus.Missing($"its check failed: {e.Message}", "run `dubagent doctor` for details");
        }
    }
}
