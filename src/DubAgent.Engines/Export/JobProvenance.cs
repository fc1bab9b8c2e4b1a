using System.Text.Json;

namespace DubAgent.Engines.Export;

/// <summary>What the job folder says about how the dub was made: the engine that ran for each tool, and the recipe.</summary>
public sealed record JobProvenance(IReadOnlyDictionary<string, string> Engines, string? Recipe, string? RecipeFile)
{
    /// <summary>
    /// Reads the records beside the export's own folder: `step.json` (recipe runs) and `call.json` (MCP calls) in each
    /// step folder, and `job.json` for the recipe. Unreadable or missing records are skipped: provenance is best effort.
    /// </summary>
    public static JobProvenance Read(string jobDirectory)
    {
        var engines = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string? recipe = null, recipeFile = null;
        if (!Directory.Exists(jobDirectory)) return new JobProvenance(engines, null, null);
        foreach (var folder in Directory.EnumerateDirectories(jobDirectory).Order(StringComparer.Ordinal))
        {
            foreach (var name in new[] { "step.json", "call.json" })
            {
                var record = TryRead(Path.Combine(folder, name));
                if (record is not { } r) continue;
                var tool = Text(r, "tool");
                var engine = Text(r, "engine_ran") ?? Text(r, "engine");
                if (tool is not null && engine is not null) engines[tool] = engine;
            }
        }
        if (TryRead(Path.Combine(jobDirectory, "job.json")) is { } job)
        {
            recipe = Text(job, "recipe");
            recipeFile = Text(job, "recipe_file");
        }
        return new JobProvenance(engines, string.IsNullOrEmpty(recipe) ? null : recipe, string.IsNullOrEmpty(recipeFile) ? null : recipeFile);
    }

    private static JsonElement? TryRead(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    internal static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
