using System.Text.Json.Nodes;

namespace DubAgent.Abstractions.Tools;

/// <summary>
/// A tool that can tell before a run starts that a call of it cannot succeed (an unreachable language, no engine that
/// can do the work here), so a recipe that cannot finish does not start.
/// </summary>
public interface IPreflightTool
{
    /// <summary>Throws a <see cref="Errors.DubAgentException"/> saying why the call cannot succeed and what fixes it.</summary>
    /// <param name="arguments">The arguments known before the run (snake_case, as in the schema): literals and values that
    /// come from the run's inputs. Arguments that depend on earlier steps' results are absent.</param>
    Task PreflightAsync(JsonObject arguments, IServiceProvider services, CancellationToken cancellationToken);
}
