using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Core.Media;
using DubAgent.Core.Pipelines;

namespace DubAgent.Server.Review;

/// <summary>
/// The `force` of a run that paused for review, kept for its resume: the forced steps (with the steps after them) that
/// had not run when it paused. A resume, whoever sends it and however long after, runs them again as the first call
/// asked; steps forced before the pause ran already and are not redone (that would throw away the review's edits).
/// Kept in a hidden file of the job folder, so resource listings do not show it.
/// </summary>
public static class PendingForce
{
    public const string FileName = ".review-force.json";

    /// <summary>Records what of the run's force is still to do when it paused; clears the record when the run went to its end.</summary>
    public static void Record(Recipe recipe, IEnumerable<string>? force, PipelineRunResult result)
    {
        var path = Path.Combine(result.JobDirectory, FileName);
        if (result.StoppedAfter is null)
        {
            File.Delete(path);
            return;
        }
        var notRun = result.Steps.Where(s => s.Status == StepStatus.NotRun).Select(s => s.Step).ToHashSet(StringComparer.Ordinal);
        var pending = StepDependencies.WithDependents(recipe, force ?? []).Where(notRun.Contains).Order(StringComparer.Ordinal).ToList();
        if (pending.Count == 0) File.Delete(path);
        else AtomicFile.WriteAllText(path, JsonSerializer.Serialize(pending, DubAgentJson.Options));
    }

    /// <summary>A resume's force: the steps the call names plus those its paused run still owed.</summary>
    public static List<string>? ForResume(string jobDirectory, IReadOnlyList<string>? given)
    {
        var path = Path.Combine(jobDirectory, FileName);
        List<string>? owed = null;
        try
        {
            if (File.Exists(path)) owed = JsonSerializer.Deserialize<List<string>>(File.ReadAllText(path), DubAgentJson.Options);
        }
        catch (JsonException)
        {
            // A damaged record forces nothing more: the resume still runs every step that has not run.
        }
        if (owed is not { Count: > 0 }) return given?.ToList();
        return [.. (given ?? []).Union(owed, StringComparer.Ordinal)];
    }
}
