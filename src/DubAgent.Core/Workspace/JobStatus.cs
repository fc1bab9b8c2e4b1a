using System.Text.Json;
using DubAgent.Abstractions;

namespace DubAgent.Core.Workspace;

/// <summary>
/// A job folder's record as it really stands: a `job.json` that says running while no live process holds the folder
/// belongs to a run that died (kill -9, power loss), and is rewritten as interrupted with its last finished step.
/// </summary>
public static class JobStatus
{
    public const string Interrupted = "interrupted";

    /// <summary>The folder's job record, or null when it has none (or it is unreadable).</summary>
    public static JobRecord? Read(string jobDirectory)
    {
        var path = Path.Combine(jobDirectory, JobFolder.RecordName);
        JobRecord? job;
        try
        {
            job = File.Exists(path) ? JsonSerializer.Deserialize<JobRecord>(File.ReadAllText(path), DubAgentJson.Options) : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
        if (job is null || job.Status != "running" || JobFolderLock.LiveHolder(jobDirectory) is not null) return job;
        var interrupted = job with { Status = Interrupted, LastCompletedStep = LastCompleted(jobDirectory, job.Steps) };
        try
        {
            Media.AtomicFile.WriteAllText(path, JsonSerializer.Serialize(interrupted, DubAgentJson.Options));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Abstractions.Errors.InputException)
        {
            // A read-only folder still gets the true status, just not written down.
        }
        return interrupted;
    }

    private static string? LastCompleted(string jobDirectory, IReadOnlyList<string> steps) =>
        steps.LastOrDefault(s => File.Exists(Path.Combine(jobDirectory, s, JobWorkspace.RecordFileName)));
}
