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

    /// <summary>Opens a job folder: a new, empty or DubAgent-made one (see <see cref="JobFolder"/>).</summary>
    /// <param name="hashes">The process's content-hash memo (the media layer's), so the job and the probes read a file once.</param>
    public JobWorkspace(string directory, FileContentHashes? hashes = null)
    {
        Directory = JobFolder.Claim(directory);
        Hasher = new ContentHasher(Path.Combine(Directory, "hashes.json"), hashes);
    }

    public string Directory { get; }

    public ContentHasher Hasher { get; }

    public string StepDirectory(string stepId) => Path.Combine(Directory, stepId);

    public string RecordPath(string stepId) => Path.Combine(StepDirectory(stepId), RecordFileName);

    /// <summary>The finished step's record, or null when the step never finished (or its record is unreadable).</summary>
    public StepRecord? ReadRecord(string stepId) => ReadRecordIn(StepDirectory(stepId));

    /// <summary>The record in a step folder, without claiming its job folder (for readers such as get_job).</summary>
    public static StepRecord? ReadRecordIn(string stepDirectory, string fileName = RecordFileName)
    {
        var path = Path.Combine(stepDirectory, fileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<StepRecord>(File.ReadAllText(path), DubAgentJson.Options);
        }
        catch (Exception e) when (e is JsonException or IOException)
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

    /// <summary>
    /// Empties a step's folder before the step runs again: an interrupted re-run must not leave the earlier run's
    /// outputs looking current. The folder is DubAgent's own (inside a claimed job folder).
    /// </summary>
    public void ResetStep(string stepId)
    {
        var folder = StepDirectory(stepId);
        if (System.IO.Directory.Exists(folder)) System.IO.Directory.Delete(folder, recursive: true);
        System.IO.Directory.CreateDirectory(folder);
    }

    /// <summary>
    /// Tidies a step folder a run left: an unfinished step (no record: failed, cancelled or killed) keeps nothing that
    /// could be taken for its output; a finished one loses only its temporaries.
    /// </summary>
    public void TidyStep(string stepId)
    {
        var folder = StepDirectory(stepId);
        if (!System.IO.Directory.Exists(folder)) return;
        if (ReadRecord(stepId) is null) System.IO.Directory.Delete(folder, recursive: true);
        else SweepTemporaries(stepId);
    }

    /// <summary>
    /// Removes the temporaries a step left (hidden names: `.x.partial.wav`, `.source-*.wav`, scratch folders), after the
    /// step and, for steps a killed run left behind, at the start of the next run.
    /// </summary>
    public void SweepTemporaries(string stepId)
    {
        var folder = StepDirectory(stepId);
        if (!System.IO.Directory.Exists(folder)) return;
        foreach (var entry in System.IO.Directory.EnumerateFileSystemEntries(folder))
        {
            if (!Path.GetFileName(entry).StartsWith('.')) continue;
            try
            {
                if (System.IO.Directory.Exists(entry)) System.IO.Directory.Delete(entry, recursive: true);
                else File.Delete(entry);
            }
            catch (IOException)
            {
                // Still open elsewhere: the next sweep takes it.
            }
        }
    }

    /// <summary>Written last and atomically: its presence means every output of the step is complete.</summary>
    public void WriteRecord(StepRecord record) =>
        AtomicFile.WriteAllText(RecordPath(record.Step), JsonSerializer.Serialize(record, DubAgentJson.Options));

    public void WriteJob(JobRecord job) =>
        AtomicFile.WriteAllText(Path.Combine(Directory, JobFolder.RecordName), JsonSerializer.Serialize(job, DubAgentJson.Options));
}

/// <summary>`job.json`: the recipe, the inputs, how the run ended and the outputs.</summary>
public sealed record JobRecord
{
    public string Recipe { get; init; } = "";
    public string RecipeFile { get; init; } = "";
    public IReadOnlyDictionary<string, string> Inputs { get; init; } = new Dictionary<string, string>();

    /// <summary>running, completed, failed, cancelled, or interrupted (the process died while running).</summary>
    public string Status { get; init; } = "running";

    /// <summary>For an interrupted run: the last step (in recipe order) that had finished.</summary>
    public string? LastCompletedStep { get; init; }

    public string? Error { get; init; }
    public DateTimeOffset Started { get; init; }
    public DateTimeOffset? Ended { get; init; }
    public IReadOnlyList<string> Steps { get; init; } = [];
    public JsonElement? Outputs { get; init; }
}
