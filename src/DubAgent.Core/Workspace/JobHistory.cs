using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Tools;

namespace DubAgent.Core.Workspace;

/// <summary>
/// A job's provenance kept in memory: a recipe run starts it and adds each step as it finishes, so later steps (export)
/// read it instead of other steps' files. A single call into an existing job starts from the job's records, read once.
/// </summary>
public sealed class JobHistory(string? recipe = null, string? recipeFile = null) : IRunProvenance
{
    /// <summary>The MCP server's name for the record of a single call (the same <see cref="StepRecord"/> as step.json).</summary>
    public const string CallRecordFileName = "call.json";

    private readonly List<CallProvenance> _calls = [];

    public string? Recipe { get; } = string.IsNullOrEmpty(recipe) ? null : recipe;

    public string? RecipeFile { get; } = string.IsNullOrEmpty(recipeFile) ? null : recipeFile;

    public IReadOnlyList<CallProvenance> Calls
    {
        get
        {
            lock (_calls) return _calls.ToList();
        }
    }

    public void Add(StepRecord record)
    {
        if (record.Status is not (null or "succeeded")) return;
        lock (_calls)
        {
            _calls.RemoveAll(c => c.Step == record.Step);
            _calls.Add(new CallProvenance(record.Step, record.Tool, record.EngineRan, record.EngineVersion));
        }
    }

    /// <summary>The job folder's finished steps and calls (their records, in folder order) and its recipe (job.json).</summary>
    public static JobHistory Load(string jobDirectory)
    {
        var job = ReadJob(Path.Combine(jobDirectory, JobFolder.RecordName));
        var history = new JobHistory(job?.Recipe, job?.RecipeFile);
        if (!Directory.Exists(jobDirectory)) return history;
        foreach (var folder in Directory.EnumerateDirectories(jobDirectory).Order(StringComparer.Ordinal))
        foreach (var name in new[] { JobWorkspace.RecordFileName, CallRecordFileName })
            if (JobWorkspace.ReadRecordIn(folder, name) is { } record)
                history.Add(record with { Step = record.Step.Length > 0 ? record.Step : Path.GetFileName(folder) });
        return history;
    }

    private static JobRecord? ReadJob(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<JobRecord>(File.ReadAllText(path), DubAgentJson.Options) : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }
}
