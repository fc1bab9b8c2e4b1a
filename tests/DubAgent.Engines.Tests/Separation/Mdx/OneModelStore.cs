using DubAgent.Abstractions;
using DubAgent.Abstractions.Models;

namespace DubAgent.Engines.Tests.Separation.Mdx;

/// <summary>A model store holding one file under one id (or nothing), answering as the real store does.</summary>
internal sealed class OneModelStore(string id, string? path) : IModelStore
{
    public IReadOnlyList<ModelEntry> Catalog => [];

    public ModelEntry? Entry(string asked) => null;

    public string? Find(string asked) => asked == id ? path : null;

    public Task<string> RequireAsync(string asked, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken) =>
        Find(asked) is { } found ? Task.FromResult(found)
            : throw new Abstractions.Errors.EngineUnavailableException("mdx", "separate", $"the test store has no '{asked}'", $"dubagent models pull {asked}");
}
