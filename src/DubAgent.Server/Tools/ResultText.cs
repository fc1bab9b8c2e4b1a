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
/// What a client sees of a call: a few lines of summary, the job and step, the result as compact JSON (also as
/// structured content), and a resource link per file the step wrote.
/// </summary>
public static class ResultText
{
    // Models read this text: keep quotes and accents as they are rather than \u escapes.
    private static readonly JsonSerializerOptions ReadableJson = new(DubAgentJson.Compact) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static CallToolResult Success(ToolCallResult result, Job? job, JobStep? step, IReadOnlyList<Artifact> files)
    {
        var text = new StringBuilder(ToolInvoker.Summarize(result));
        if (job is not null) text.Append($"\njob: {job.Id}").Append(step is not null && step.Directory != job.Directory ? $" (step {step.Name}, folder {step.Directory})" : "");
        foreach (var file in files.Where(f => !f.RelativePath.EndsWith(StepRecord.FileName, StringComparison.Ordinal)))
            text.Append($"\nartifact: {file.Uri} ({Size(file.Size)})");
        var content = new List<ContentBlock>
        {
            new TextContentBlock { Text = text.ToString() },
            new TextContentBlock { Text = JsonSerializer.Serialize(result.Json, ReadableJson) },
        };
        foreach (var file in files.Where(f => !f.RelativePath.EndsWith(StepRecord.FileName, StringComparison.Ordinal)))
            content.Add(new ResourceLinkBlock { Uri = file.Uri, Name = file.RelativePath, MimeType = file.MimeType, Size = file.Size });
        return new CallToolResult
        {
            Content = content,
            StructuredContent = result.Json.ValueKind == JsonValueKind.Object ? result.Json : null,
            IsError = false,
        };
    }

    public static CallToolResult Started(Job job, JobStep step) => new()
    {
        Content =
        [
            new TextContentBlock
            {
                Text = $"started in the background: job {job.Id} (step {step.Name}).\n" +
                       $"Follow it with get_job {{\"job\": \"{job.Id}\"}}; stop it with cancel_job.",
            },
        ],
        IsError = false,
    };

    public static CallToolResult Error(string text) => new()
    {
        Content = [new TextContentBlock { Text = text }],
        IsError = true,
    };

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " kB",
        _ => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
    };
}
