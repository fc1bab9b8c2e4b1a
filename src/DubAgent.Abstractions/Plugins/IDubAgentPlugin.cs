using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Abstractions.Plugins;

/// <summary>
/// The entry point of a drop-in plugin assembly: a public class with a parameterless constructor.
/// It registers its engines (as <c>IEngine</c>) and tools (as <c>ITool</c>) in the host's services.
/// </summary>
public interface IDubAgentPlugin
{
    /// <summary>Shown by `dubagent plugins`.</summary>
    string Name { get; }

    string Description { get; }

    void ConfigureServices(IServiceCollection services);
}
