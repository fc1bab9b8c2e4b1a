using System.Text.Json;
using DubAgent.Core.Pipelines;
using DubAgent.Core.Workspace;

namespace DubAgent.Server.Review;

/// <summary>
/// A job whose recipe run paused for review (job.json says "paused"): its translate step's translation.json and the
/// lines of it to look at, read back from the folder so a resume in a later call (or a later server) finds them.
/// </summary>
public sealed record PausedReview(string Step, string Translation, IReadOnlyList<ReviewLine> Lines)
{
    public const string Status = "paused";

    public static PausedReview? Find(string jobDirectory)
    {
        if (JobStatus.Read(jobDirectory) is not { Status: Status } job || !File.Exists(job.RecipeFile)) return null;
        var (recipe, _) = RecipeLoader.LoadFile(job.RecipeFile);
        if (recipe?.Steps.FirstOrDefault(s => s.Tool == "translate") is not { } step) return null;
        if (JobWorkspace.ReadRecordIn(Path.Combine(jobDirectory, step.Id))?.Result is not { ValueKind: JsonValueKind.Object } result
            || !result.TryGetProperty("translation_path", out var path) || path.GetString() is not { } translation || !File.Exists(translation))
            return null;
        return new PausedReview(step.Id, translation, TranslationReview.LinesToReview(TranslationReview.Load(translation)));
    }
}
