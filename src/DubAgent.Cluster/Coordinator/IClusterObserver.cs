using DubAgent.Core.Pipelines;

namespace DubAgent.Cluster.Coordinator;

/// <summary>A run observer that also hears which worker took a step (again, when its first worker died).</summary>
public interface IClusterObserver : IPipelineObserver
{
    void StepTaken(RecipeStep step, string worker, bool redelivered) { }
}
