namespace DubAgent.Abstractions.Engines;

/// <summary>Every engine the host knows, built-in and from plugins, by capability and name.</summary>
public interface IEngineRegistry
{
    IReadOnlyList<IEngine> All { get; }

    /// <summary>The engines of one capability, in order of preference (the first available is the default).</summary>
    IReadOnlyList<IEngine> ForCapability(string capability);

    /// <summary>Whether the engine can run here; checked once per process and cached.</summary>
    Task<EngineStatus> StatusAsync(IEngine engine, CancellationToken cancellationToken);

    /// <summary>The engine of that name, or null.</summary>
    IEngine? Find(string capability, string name);

    /// <summary>
    /// The engine to run: the named one, or the first available of the capability when <paramref name="name"/> is null.
    /// Throws InputException for an unknown name (listing the known ones) and EngineUnavailableException
    /// (with the install hint) when it cannot run here.
    /// </summary>
    Task<(T Engine, EngineStatus Status)> ResolveAsync<T>(string capability, string? name, CancellationToken cancellationToken)
        where T : class, IEngine;
}
