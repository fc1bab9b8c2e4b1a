namespace DubAgent.Core.Pipelines;

/// <summary>
/// Runs recipes on other machines when configured to (the cluster coordinator, with Cluster:Broker set): run_pipeline
/// hands its runs to it instead of the local <see cref="PipelineRunner"/>. Same request, observer and result.
/// </summary>
public interface IRemotePipelineRunner
{
    /// <summary>True when runs should go to the remote workers.</summary>
    bool Configured { get; }

    Task<PipelineRunResult> RunAsync(Recipe recipe, PipelineRunRequest request, IPipelineObserver? observer = null, CancellationToken cancellationToken = default);
}
