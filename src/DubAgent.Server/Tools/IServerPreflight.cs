using DubAgent.Abstractions.Tools;

namespace DubAgent.Server.Tools;

/// <summary>
/// A server tool that can refuse a call before its job folder is made (run_pipeline: an unknown recipe, a missing input,
/// a file outside the allowed folders), so a rejected call leaves nothing behind.
/// </summary>
public interface IServerPreflight
{
    /// <summary>Throws a <see cref="Abstractions.Errors.DubAgentException"/> saying what is wrong with the call and how to fix it.</summary>
    Task CheckAsync(object arguments, IPathPolicy paths, CancellationToken cancellationToken);
}
