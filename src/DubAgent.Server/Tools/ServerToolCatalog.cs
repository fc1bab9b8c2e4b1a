using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Pipelines;
using DubAgent.Server.Jobs;
using DubAgent.Server.Resources;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Server.Tools;

/// <summary>The server's own tools, and the one list a client sees (registry tools first, names unique).</summary>
public static class ServerToolCatalog
{
    public static IReadOnlyList<IServerTool> Create(IServiceProvider services, JobStore jobs, ArtifactCatalog artifacts, TimeSpan? engineCheckLifetime = null) =>
    [
        new ListEnginesTool(services.GetRequiredService<IEngineRegistry>(), services.GetService<ILanguageReachReport>(), engineCheckLifetime),
        new GetJobTool(jobs, artifacts),
        new CancelJobTool(jobs),
        new ListPipelinesTool(services.GetService<RecipeCatalog>() ?? new RecipeCatalog()),
        new RunPipelineTool(services.GetService<PipelineRunner>() ?? ActivatorUtilities.CreateInstance<PipelineRunner>(services),
            services.GetService<RecipeCatalog>() ?? new RecipeCatalog(),
            services.GetService<RecipeValidator>() ?? ActivatorUtilities.CreateInstance<RecipeValidator>(services),
            services.GetService<IRemotePipelineRunner>()),
    ];

    public static IReadOnlyList<ITool> Combine(IReadOnlyList<ITool> registry, IReadOnlyList<IServerTool> server)
    {
        foreach (var clash in registry.Where(t => server.Any(s => s.Name == t.Name)))
            throw new InvalidOperationException(
                $"The tool '{clash.Name}' ({clash.GetType().FullName}) takes a name the MCP server reserves for its own tool. Rename it.");
        return [.. registry, .. server];
    }
}
