namespace DubAgent.Abstractions.Engines;

/// <summary>
/// An engine: one way of doing one capability, chosen by name from recipes and MCP calls.
/// Engines say whether they can run here and, if not, what to install.
/// </summary>
public interface IEngine
{
    /// <summary>The name recipes and clients use (`demucs`, `espeak-ng`).</summary>
    string Name { get; }

    /// <summary>One of <see cref="Capabilities"/>.</summary>
    string Capability { get; }

    /// <summary>One line for people and language models: what it is and when to choose it.</summary>
    string Description { get; }

    /// <summary>Whether it can run here, its version, and the install hint when it cannot. May start a process.</summary>
    Task<EngineStatus> CheckAsync(CancellationToken cancellationToken);
}
