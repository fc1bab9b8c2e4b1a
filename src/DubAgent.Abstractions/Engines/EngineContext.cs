using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DubAgent.Abstractions.Engines;

/// <summary>What an engine gets for one run: a scratch folder, progress, cancellation and a logger.</summary>
public sealed class EngineContext
{
    /// <summary>A folder the engine may write into (its outputs and temporary files).</summary>
    public required string WorkDirectory { get; init; }

    public IProgress<ProgressUpdate> Progress { get; init; } = new Progress<ProgressUpdate>();

    public CancellationToken CancellationToken { get; init; }

    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>The calling MCP client's own model (through sampling), when the caller offers one.</summary>
    public IChatClient? CallerChat { get; init; }
}
