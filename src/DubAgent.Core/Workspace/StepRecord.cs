using System.Text.Json;
using System.Text.Json.Serialization;

namespace DubAgent.Core.Workspace;

/// <summary>
/// The one record of a tool call. `step.json`, written last into a step's folder when the step finished: what ran,
/// with which engine and why, on which input contents, how long it took, and its result; its presence with a matching
/// cache key is the cache hit. The MCP server writes the same record as `call.json` for calls that failed or stopped too.
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

    /// <summary>Absent from a record of a call that never bound or finished (an MCP call.json of a failure).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
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

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JsonElement Result { get; init; }

    /// <summary>Set for calls recorded whatever their outcome (the MCP server's `call.json`): succeeded, failed, cancelled.</summary>
    public string? Status { get; init; }

    public string? Error { get; init; }

    /// <summary>A few lines about the result for people.</summary>
    public string? Summary { get; init; }
}
