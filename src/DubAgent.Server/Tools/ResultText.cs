using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Core.Tools;
using DubAgent.Server.Jobs;
using DubAgent.Server.Resources;
using ModelContextProtocol.Protocol;

namespace DubAgent.Server.Tools;

/// <summary>
/// What a client sees of a call: a few lines of summary for people and models, the structured result (also as JSON
/// text, for clients that ignore structured content), and a resource link per file worth reading.
/// </summary>
public static class ResultText
{
    // Models read this text: keep quotes and accents as they are rather than \u escapes.
    private static readonly JsonSerializerOptions ReadableJson = new(DubAgentJson.Compact) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A query tool's answer (no job): its result is the structured content.</summary>
    public static CallToolResult Query(ToolCallResult result) => new()
    {
        Content =
        [
            new TextContentBlock { Text = ToolInvoker.Summarize(result) },
            new TextContentBlock { Text = JsonSerializer.Serialize(result.Json, ReadableJson) },
        ],
        StructuredContent = result.Json,
        IsError = false,
    };

    /// <summary>A job call whose work is done: the summary, the job, and links to what it delivered.</summary>
    public static CallToolResult Finished(ToolCallResult result, Job job, JobStep step, IReadOnlyList<Artifact> files, int moreFiles)
    {
        var pause = (result.Result as RunPipelineResult)?.Review;
        var text = new StringBuilder(ToolInvoker.Summarize(result));
        if (pause is not null) text.Append('\n').Append(pause.Resume).Append(ReviewLines(pause));
        text.Append($"\njob: {job.Id}").Append(step.Directory != job.Directory ? $" (step {step.Name}, folder {step.Directory})" : "");
        foreach (var file in files) text.Append($"\nartifact: {file.Uri} ({FileSizeText.Of(file.Size)})");
        if (moreFiles > 0) text.Append($"\n{moreFiles} more files: get_job {{\"job\": \"{job.Id}\", \"all_files\": true}} lists them.");
        var structured = new JobCallResult(pause is null ? JobCallResult.Succeeded : JobCallResult.Paused, job.Id, step.Name, step.Directory, 1, ToolInvoker.Summarize(result),
            JobStatusResource.For(job.Id), result.Json, files.Select(Link).ToList(), moreFiles);
        return WithLinks(text.ToString(), structured, files);
    }

    /// <summary>A job call that goes on in the background: the job, where the work is, and where to follow it.</summary>
    public static CallToolResult Working(Job job, JobStep step, TimeSpan waited)
    {
        var progress = step.LastProgress;
        var where = progress is { } p
            ? FormattableString.Invariant($" ({(p.Fraction is { } f ? $"{f * 100:0}%" : "started")}{(p.Message is { Length: > 0 } m ? $", {m}" : "")})")
            : step.Status == JobStepStatus.Queued ? " (queued)" : "";
        var text = (waited > TimeSpan.Zero
                       ? FormattableString.Invariant($"still working after {waited.TotalSeconds:0} s: job {job.Id}, step {step.Name}{where}. The work goes on in the background.\n")
                       : $"started in the background: job {job.Id} (step {step.Name}).\n") +
                   $"Follow it with get_job {{\"job\": \"{job.Id}\", \"wait\": {GetJobTool.MaxWaitSeconds}}} (repeat until its status is no longer running) " +
                   $"or read {JobStatusResource.For(job.Id)}; stop it with cancel_job.";
        var structured = new JobCallResult(JobCallResult.Working, job.Id, step.Name, step.Directory, progress?.Fraction, progress?.Message,
            JobStatusResource.For(job.Id), null, [], 0);
        var content = new List<ContentBlock>
        {
            new TextContentBlock { Text = text },
            new TextContentBlock { Text = JsonSerializer.Serialize(structured, ReadableJson) },
            new ResourceLinkBlock { Uri = JobStatusResource.For(job.Id), Name = $"job {job.Id}", MimeType = "application/json", Description = "the job's state" },
        };
        return new CallToolResult { Content = content, StructuredContent = JsonSerializer.SerializeToElement(structured, DubAgentJson.Options), IsError = false };
    }

    private static string ReviewLines(ReviewPause pause) => string.Concat(pause.Lines.Take(10).Select(l => string.Create(CultureInfo.InvariantCulture,
        $"\n  [{l.Id}] {l.Start:0.00}–{l.End:0.00} s, slot {l.SlotSeconds:0.00} s, fit {l.FitRatio:0.00}: {l.Target}  (source: {l.Source})")));

    public static CallToolResult Error(string text) => new()
    {
        Content = [new TextContentBlock { Text = text }],
        IsError = true,
    };

    private static CallToolResult WithLinks(string text, JobCallResult structured, IReadOnlyList<Artifact> files)
    {
        var content = new List<ContentBlock>
        {
            new TextContentBlock { Text = text },
            new TextContentBlock { Text = JsonSerializer.Serialize(structured, ReadableJson) },
        };
        foreach (var file in files)
            content.Add(new ResourceLinkBlock { Uri = file.Uri, Name = file.RelativePath, MimeType = file.MimeType, Size = file.Size });
        return new CallToolResult { Content = content, StructuredContent = JsonSerializer.SerializeToElement(structured, DubAgentJson.Options), IsError = false };
    }

    private static FileLink Link(Artifact file) => new(file.Uri, file.RelativePath, file.MimeType, file.Size);
}
