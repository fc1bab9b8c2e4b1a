using DubAgent.Core.Calls;
using DubAgent.Core.Pipelines;
using DubAgent.Core.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DubAgent.Core.Hosting;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>Tool invocation (schemas, argument binding), shared by MCP, recipes and `dubagent call`; and the pipeline runner.</summary>
    public static IServiceCollection AddDubAgentPipelines(this IServiceCollection services)
    {
        services.TryAddSingleton<ToolSchemas>();
        services.TryAddSingleton<ToolArgumentBinder>();
        services.TryAddSingleton<ToolInvoker>();
        services.TryAddSingleton<ToolCallPipeline>();
        services.TryAddSingleton<IToolCall>(s => s.GetRequiredService<ToolCallPipeline>());
        services.TryAddSingleton<RecipeValidator>();
        services.TryAddSingleton<EngineRouter>();
        services.TryAddSingleton<StepBinder>();
        services.TryAddSingleton<RunPreflight>();
        services.TryAddSingleton<PipelineRunner>();
        services.TryAddSingleton<RecipeCatalog>();
        return services;
    }
}
