using DubAgent.Abstractions.Tools;
using DubAgent.Core.Tools;
using DubAgent.Core.Workspace;

namespace DubAgent.Core.Calls;

/// <summary>
/// Hands the call the job's provenance in memory: a recorded step's history, or for a single call the job folder's
/// records, read once and only if the tool asks (export does; most tools never look).
/// </summary>
public sealed class ProvenanceCall(IToolCall inner) : DelegatingToolCall(inner)
{
    public override Task<ToolCallResult> InvokeAsync(ToolCallRequest request, CancellationToken cancellationToken)
    {
        request.Context.Provenance ??= request.Step?.History ?? (IRunProvenance)new FolderProvenance(request.Context.JobDirectory);
        return Inner.InvokeAsync(request, cancellationToken);
    }

    private sealed class FolderProvenance(string jobDirectory) : IRunProvenance
    {
        private readonly Lazy<JobHistory> _history = new(() => JobHistory.Load(jobDirectory));

        public string? Recipe => _history.Value.Recipe;

        public string? RecipeFile => _history.Value.RecipeFile;

        public IReadOnlyList<CallProvenance> Calls => _history.Value.Calls;
    }
}
