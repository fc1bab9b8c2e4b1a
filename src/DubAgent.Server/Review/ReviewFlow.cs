using DubAgent.Core.Tools;
using DubAgent.Server.Jobs;
using DubAgent.Server.Tools;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
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

    /// <summary>The key of the review form among a multi-round-trip call's input requests.</summary>
    public const string InputKey = "review";

    /// <summary>
    /// Before a resume runs: asks the user about the paused job's lines and writes their edits into translation.json.
    /// Returns arguments that keep the job paused when the user dismisses the form, else null (go on as asked). A client
    /// on multi-round-trip requests (2026-07-28) gets the form as an input-required result and calls again with the
    /// answer; the job travels in the request state, so the retried call resumes it.
    /// </summary>
    public async Task<RunPipelineArguments?> BeforeResumeAsync(McpServer server, CallToolRequestParams? request, bool background, object bound,
        Job job, CancellationToken cancellationToken)
    {
        if (background || bound is not RunPipelineArguments { Resume: not null, Review: false } || !ReviewElicitation.Supported(server)) return null;
        if (PausedReview.Find(job.Directory) is not { Lines.Count: > 0 } paused) return null;
        var form = ReviewElicitation.Form(paused.Lines, paused.Translation);
        ElicitResult? result;
        if (request?.InputResponses?.TryGetValue(InputKey, out var response) == true)
            result = response.Deserialize(InputResponse.ElicitResultJsonTypeInfo);
        else if (server.IsMrtrSupported)
            throw new InputRequiredException(new Dictionary<string, InputRequest> { [InputKey] = InputRequest.ForElicitation(form) }, job.Id);
        else
            result = await server.ElicitAsync(form, cancellationToken).ConfigureAwait(false);

        var (answer, edits) = ReviewElicitation.Read(result, paused.Lines);
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

    /// <summary>A call retried with the answer to the review form: the job it resumes (from the request state).</summary>
    public static string? RetriedResume(CallToolRequestParams? request) =>
        request?.InputResponses?.ContainsKey(InputKey) == true && request.RequestState is { Length: > 0 } job ? job : null;
}
