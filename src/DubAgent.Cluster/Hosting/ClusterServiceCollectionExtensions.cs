using DubAgent.Cluster.Coordinator;
using DubAgent.Cluster.Worker;
using DubAgent.Core.Configuration;
using DubAgent.Core.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DubAgent.Cluster.Hosting;

public static class ClusterServiceCollectionExtensions
{
    /// <summary>The "Cluster" options section, the coordinator of `run --cluster` and the worker of `dubagent worker`.</summary>
    public static IServiceCollection AddDubAgentCluster(this IServiceCollection services)
    {
        services.AddOptionsSection<ClusterOptions>(ClusterOptions.Section);
        services.TryAddSingleton<WorkerStepCall>();
        services.TryAddSingleton<ClusterWorker>();
        services.TryAddSingleton<ClusterCoordinator>();
        services.TryAddSingleton<IRemotePipelineRunner>(provider => provider.GetRequiredService<ClusterCoordinator>());
        return services;
    }
}
