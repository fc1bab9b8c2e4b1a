using DubAgent.Abstractions.Engines;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DubAgent.Abstractions.Tools;

/// <summary>What a tool call gets besides its arguments.</summary>
public sealed class ToolContext
{
    /// <summary>The folder this call writes its outputs into (a recipe step's own subfolder).</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>The job folder that holds every step's folder.</summary>
    public required string JobDirectory { get; init; }

    public required IServiceProvider Services { get; init; }

    public IProgress<ProgressUpdate> Progress { get; init; } = new Progress<ProgressUpdate>();

    public CancellationToken CancellationToken { get; init; }

    public ILogger Logger { get; init; } = NullLogger.Instance;

    private readonly IPathPolicy _reads = UnrestrictedPaths.Instance;
    private IPathPolicy? _paths;

    /// <summary>
    /// Which paths the call may read (set: the caller's policy, e.g. the MCP server's roots) and write (always only
    /// inside <see cref="WorkDirectory"/>, whatever the caller set).
    /// </summary>
    public IPathPolicy Paths
    {
        get => _paths ??= new StepFolderPaths(_reads, WorkDirectory, JobDirectory);
        init => _reads = value;
    }

    /// <summary>The calling MCP client's own model (sampling), when it offers one.</summary>
    public IChatClient? CallerChat { get; init; }

    /// <summary>How the job so far was made (recipe, earlier calls and their engines); set by the call pipeline, null outside it.</summary>
    public IRunProvenance? Provenance { get; set; }

    /// <summary>Questions to the person behind the calling MCP client (elicitation), when the client offers it.</summary>
    public ICallerQuestions? CallerQuestions { get; init; }

    /// <summary>What the tool reports about the run: the engine that really ran, its version, notes.</summary>
    public ToolRunReport Report { get; } = new();

    /// <summary>An engine context for this call's folder, progress and cancellation.</summary>
    public EngineContext ForEngine(string? workDirectory = null) => new()
    {
        WorkDirectory = workDirectory ?? WorkDirectory,
        Progress = Progress,
        CancellationToken = CancellationToken,
        Logger = Logger,
        CallerChat = CallerChat,
    };
}
