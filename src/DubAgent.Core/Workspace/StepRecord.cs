using System.Text.Json;

namespace DubAgent.Core.Workspace;

/// <summary>
/// `step.json`, written last into a step's folder when the step finished: what ran, with which engine and why, on
/// which input contents, how long it took, and its result. Its presence with a matching cache key is the cache hit.
/// </summary>
public sealed record StepRecord
{
    public string Step { get; init; } = "";
    public string Tool { get; init; } = "";

    /// <summary>The engine the recipe asked for (route or name), null for the tool's default.</summary>
    public string? EngineAsked { get; init; }

    /// <summary>The engine that ran (as the tool reported it).</summary>
    public string? EngineRan { get; init; }

    public string? EngineVersion { get; init; }

    /// <summary>Why that engine: the route that matched, the fallback taken and the missing engine's install hint.</summary>
    public string? EngineReason { get; init; }

    public JsonElement Arguments { get; init; }

    /// <summary>Full path of each file an argument names, to its content hash (sha256:...).</summary>
    public IReadOnlyDictionary<string, string> InputHashes { get; init; } = new Dictionary<string, string>();

    public string CacheKey { get; init; } = "";

    public DateTimeOffset Started { get; init; }
    public DateTimeOffset Ended { get; init; }
    public double Seconds { get; init; }
    public double? MediaSeconds { get; init; }

    /// <summary>Processing seconds / media seconds.</summary>
    public double? RealTimeFactor { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    public JsonElement Result { get; init; }
}
