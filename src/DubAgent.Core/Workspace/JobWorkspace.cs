using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Core.Media;

namespace DubAgent.Core.Workspace;

/// <summary>
/// A job's folder: one subfolder per step (its outputs and `step.json`), `job.json` for the run, and the hash memo.
/// </summary>
public sealed class JobWorkspace
{
    public const string RecordFileName = "step.json";

    public JobWorkspace(string directory)
    {
        Directory = Media.InputFiles.RequireWritableDirectory(directory, "out");
        Hasher = new ContentHasher(Path.Combine(Directory, "hashes.json"));
    }

    public string Directory { get; }

    public ContentHasher Hasher { get; }

    public string StepDirectory(string stepId) => Path.Combine(Directory, stepId);

    public string RecordPath(string stepId) => Path.Combine(StepDirectory(stepId), RecordFileName);

    /// <summary>The finished step's record, or null when the step never finished (or its record is unreadable).</summary>
    public StepRecord? ReadRecord(string stepId)
    {
        var path = RecordPath(stepId);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<StepRecord>(File.ReadAllText(path), DubAgentJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Forgets a step before it runs again, so a run stopped half-way is never taken for a finished one.</summary>
    public void ClearRecord(string stepId)
    {
        var path = RecordPath(stepId);
        if (File.Exists(path)) File.Delete(path);
    }

    /// <summary>Written last and atomically: its presence means every output of the step is complete.</summary>
    public void WriteRecord(StepRecord record) =>
        AtomicFile.WriteAllText(RecordPath(record.Step), JsonSerializer.Serialize(record, DubAgentJson.Options));

    public void WriteJob(JobRecord job) =>
        AtomicFile.WriteAllText(Path.Combine(Directory, "job.json"), JsonSerializer.Serialize(job, DubAgentJson.Options));
}

/// <summary>`job.json`: the recipe, the inputs, how the run ended and the outputs.</summary>
public sealed record JobRecord
{
    public string Recipe { get; init; } = "";
    public string RecipeFile { get; init; } = "";
    public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>();

    /// <summary>running, completed, failed or cancelled.</summary>
    public string Status { get; init; } = "running";

    public string? Error { get; init; }
    public DateTimeOffset Started { get; init; }
    public DateTimeOffset? Ended { get; init; }
    public IReadOnlyList<string> Steps { get; init; } = [];
    public JsonElement? Outputs { get; init; }
}
