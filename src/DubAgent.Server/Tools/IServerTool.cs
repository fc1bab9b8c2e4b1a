using DubAgent.Abstractions.Tools;
using DubAgent.Server.Jobs;

namespace DubAgent.Server.Tools;

/// <summary>How the server runs one of its own tools.</summary>
public enum ServerToolKind
{
    /// <summary>Answers at once about jobs, engines or recipes: not queued, no job folder.</summary>
    Query,

    /// <summary>Long work in a job that manages its own step folders (run_pipeline): queued, one job.</summary>
    JobWork,
}

/// <summary>
/// A tool only the MCP server offers (jobs, engines, recipes). It is an <see cref="ITool"/> so the one schema
/// generator, argument binder and adapter serve it like every registry tool; it is not in the registry, so recipes
/// do not see it.
/// </summary>
public interface IServerTool : ISelfRecordingTool
{
    ServerToolKind Kind { get; }
}
