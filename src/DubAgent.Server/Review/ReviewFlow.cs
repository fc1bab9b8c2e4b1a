using DubAgent.Core.Tools;
using DubAgent.Server.Jobs;
using DubAgent.Server.Tools;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

namespace DubAgent.Server.Review;

/// <summary>
/// The review between a dub's translation and its voice, for clients that can be asked (elicitation): a run with
/// `review: true` that pauses while the client waits goes on as a resume, and a resume first asks the user to accept
/// or edit the lines that do not fit. Clients that cannot be asked get the paused result and resume themselves.
/// </summary>
public sealed class ReviewFlow(ILogger<ReviewFlow> logger)
{
    /// <summary>The arguments to go on with after a run paused in the foreground, or null when the pause is the answer.</summary>
    public static RunPipelineArguments? ContinueAfterPause(McpServer server, bool background, object bound, ToolCallResult result, Job job) =>
        !background && bound is RunPipelineArguments { Resume: null } && result.Result is RunPipelineResult { Review: not null }
        && ReviewElicitation.Supported(server)
            ? new RunPipelineArguments { Resume = job.Id }
            : null;

    /// <summary>
    /// Before a resume runs: asks the user about the paused job's lines and writes their edits into translation.json.
    /// Returns arguments that keep the job paused when the user dismisses the form, else null (go on as asked).
    /// </summary>
    public async Task<RunPipelineArguments?> BeforeResumeAsync(McpServer server, bool background, object bound, Job job,
        CancellationToken cancellationToken)
    {
        if (background || bound is not RunPipelineArguments { Resume: not null, Review: false } || !ReviewElicitation.Supported(server)) return null;
        if (PausedReview.Find(job.Directory) is not { Lines.Count: > 0 } paused) return null;
        var (answer, edits) = await ReviewElicitation.AskAsync(server, paused.Lines, paused.Translation, cancellationToken).ConfigureAwait(false);
        if (answer == ReviewAnswer.Cancelled)
        {
            logger.LogInformation("Review of job {Job} dismissed: it stays paused after {Step}", job.Id, paused.Step);
            // Everything before the pause is cached: this run only pauses again and reports the lines.
            return new RunPipelineArguments { Resume = job.Id, Review = true };
        }
        var changed = TranslationReview.Apply(paused.Translation, edits);
        logger.LogInformation("Review of job {Job}: {Answer}, {Changed} line(s) edited", job.Id, answer, changed);
        return null;
    }
}
