using System.Globalization;
using System.Text;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Errors;
using DubAgent.Server.Jobs;
using DubAgent.Server.Resources;
using DubAgent.Server.Review;
using DubAgent.Server.Roots;
using DubAgent.Server.Tools;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace DubAgent.Server.Prompts;

/// <summary>
/// review_translation: shows the segments of a translation.json whose fit ratio is poor (too long to say in their slot,
/// or so short the voice would drag) or that the translator flagged, worst first, and asks for tighter lines.
/// </summary>
public sealed class ReviewTranslationPrompt(JobStore jobs, ArtifactCatalog artifacts, ToolCallRunner runner, McpSessionState session) : McpServerPrompt
{
    private const int MaxSegments = 25;

    public override Prompt ProtocolPrompt { get; } = new()
    {
        Name = "review_translation",
        Title = "Review a translation's timing fit",
        Description = "Lists the translated segments whose fit_ratio is poor (estimated speech / slot length) or that are flagged, " +
                      "worst first, with source and target text, and asks for rewordings that fit.",
        Arguments =
        [
            new PromptArgument { Name = "translation", Description = "A job id, a dubagent://jobs/... address of a translation.json, or its path.", Required = true },
            new PromptArgument { Name = "max_fit", Description = "Ratios above this are too long (default 1.1).", Required = false },
            new PromptArgument { Name = "min_fit", Description = "Ratios below this are too short (default 0.5).", Required = false },
        ],
    };

    public override IReadOnlyList<object> Metadata => [];

    public override async ValueTask<GetPromptResult> GetAsync(RequestContext<GetPromptRequestParams> request, CancellationToken cancellationToken)
    {
        var source = PromptArguments.Required(request.Params, "translation");
        var maxFit = Number(request.Params, "max_fit", TranslationReview.MaxFit);
        var minFit = Number(request.Params, "min_fit", TranslationReview.MinFit);
        var path = await LocateAsync(source, request.Server, cancellationToken).ConfigureAwait(false);

        Translation translation;
        try
        {
            translation = TranslationReview.Load(path);
        }
        catch (InputException e)
        {
            throw new McpProtocolException($"{e.Message} {e.Hint}", McpErrorCode.InvalidParams);
        }

        var poor = TranslationReview.LinesToReview(translation, maxFit, minFit);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Review the {translation.SourceLanguage}→{translation.TargetLanguage} translation in `{path}` ({translation.Segments.Count} segments).");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"fit_ratio = estimated spoken seconds / slot seconds: above {maxFit} the line overflows its slot, below {minFit} the voice would drag.");
        if (poor.Count == 0)
        {
            text.AppendLine("Every segment fits its slot and none is flagged: no change is needed. Go on with synthesize.");
        }
        else
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{poor.Count} segments need a look (worst first{(poor.Count > MaxSegments ? $", first {MaxSegments} shown" : "")}):");
            text.AppendLine();
            foreach (var s in poor.Take(MaxSegments))
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"[{s.Id}] {s.Start:0.00}–{s.End:0.00} s ({s.SlotSeconds:0.00} s slot){(s.Speaker is { } sp ? $", {sp}" : "")}, fit {s.FitRatio:0.00}" +
                    $"{(s.Tone is { } tone ? $", tone {tone}" : "")}{(s.Flag is { } flag ? $", flagged: {flag}" : "")}");
                text.AppendLine(CultureInfo.InvariantCulture, $"  source: {s.Source}");
                text.AppendLine(CultureInfo.InvariantCulture, $"  target: {s.Target}");
            }
            text.AppendLine();
            text.AppendLine("For each, propose a target line that keeps the meaning and the tone and whose length fits the slot " +
                            "(shorter when fit > 1, fuller when fit is very low). Keep ids, times and speakers unchanged; then apply the " +
                            "changes and re-run synthesize in the same job.");
        }
        return new GetPromptResult
        {
            Description = $"{poor.Count} of {translation.Segments.Count} segments need a look",
            Messages = [new PromptMessage { Role = Role.User, Content = new TextContentBlock { Text = text.ToString() } }],
        };
    }

    /// <summary>A job id (its newest translation.json), an artifact address, or a path inside the allowed folders.</summary>
    private async Task<string> LocateAsync(string source, McpServer server, CancellationToken cancellationToken)
    {
        if (ArtifactUri.TryParse(source, out var jobId, out var segments))
            return artifacts.Resolve(jobId, segments)
                ?? throw new McpProtocolException($"No artifact at '{source}'.", McpErrorCode.InvalidParams);
        if (JobStore.IsValidId(source) && jobs.TryOpen(source, out var job))
            return artifacts.OfJob(job!).Where(a => Path.GetFileName(a.FullPath) == "translation.json")
                       .OrderBy(a => File.GetLastWriteTimeUtc(a.FullPath)).LastOrDefault()?.FullPath
                   ?? throw new McpProtocolException($"Job {source} has no translation.json yet: call translate in it first.", McpErrorCode.InvalidParams);
        try
        {
            var policy = await runner.PathsAsync(server, session, cancellationToken).ConfigureAwait(false);
            var path = policy.CheckRead(source, "translation");
            return File.Exists(path) ? path : throw new McpProtocolException($"There is no file '{source}'.", McpErrorCode.InvalidParams);
        }
        catch (InputException e)
        {
            throw new McpProtocolException($"{e.Message} {e.Hint}", McpErrorCode.InvalidParams);
        }
    }

    private static double Number(GetPromptRequestParams? request, string name, double fallback) =>
        PromptArguments.Optional(request, name) is { } text
            ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new McpProtocolException($"The argument '{name}' must be a positive number, not '{text}'.", McpErrorCode.InvalidParams)
            : fallback;
}
