using DubAgent.Abstractions;
using DubAgent.Abstractions.Models;

namespace DubAgent.Engines.Tests.SpeechDetection;

/// <summary>A model store holding one file for `silero-vad` (or nothing), as the real store answers Find.</summary>
internal sealed class FixedModelStore(string? sileroPath) : IModelStore
{
    public List<string> Asked { get; } = [];

    public IReadOnlyList<ModelEntry> Catalog => [];

    public ModelEntry? Entry(string id) => null;

    public string? Find(string id)
    {
        Asked.Add(id);
        return id == "silero-vad" ? sileroPath : null;
    }

    public Task<string> RequireAsync(string id, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken) =>
        Find(id) is { } path ? Task.FromResult(path) : throw new InvalidOperationException($"the test store has no '{id}'");
}
