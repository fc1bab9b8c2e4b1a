using System.Text.Json;
using DubAgent.Abstractions.Tools;

namespace DubAgent.Engines.Export;

/// <summary>What the job folder says about how the dub was made: the engine that ran for each tool, and the recipe.</summary>
public sealed record JobProvenance(IReadOnlyDictionary<string, string> Engines, string? Recipe, string? RecipeFile)
{
    /// <summary>
    /// The provenance the call pipeline handed the export in memory (the recipe, and the engine that ran for each tool of
    /// the job's earlier steps and calls); none outside a pipeline.
    /// </summary>
    public static JobProvenance From(IRunProvenance? run)
    {
        var engines = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var call in run?.Calls ?? [])
            if (call.Engine is { } engine) engines[call.Tool] = engine;
        return new JobProvenance(engines, run?.Recipe, run?.RecipeFile);
    }

    internal static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
