using System.ComponentModel;
using System.Text.Json;

namespace DubAgent.Server.Tools;

/// <summary>
/// The structured result of a call that runs in a job: either the work is done (`succeeded`, the tool's own result in
/// `result`) or it goes on in the background (`working`) and `follow` is where to watch it. A client learns the job in
/// both cases, so a long dub is never lost to a request timeout. Every job tool's output schema repeats this envelope,
/// so its descriptions stay short; the server instructions explain it once.
/// </summary>
public sealed record JobCallResult(
    [property: Description("succeeded: `result` holds the result; working: it goes on, follow it with get_job; paused (run_pipeline review): see `result.review`.")]
    string Status,
    [property: Description("The job id; pass it as `job` to later calls.")] string Job,
    [property: Description("This call's step (folder) in the job.")] string Step,
    [property: Description("The step's folder on the server.")] string Folder,
    [property: Description("0..1 done.")] double? Progress,
    [property: Description("What the work does now, or its summary.")] string? Message,
    [property: Description("The job's status resource.")] string Follow,
    [property: Description("The tool's result, when succeeded.")] JsonElement? Result,
    [property: Description("Delivered files as resources, most useful first.")] IReadOnlyList<FileLink> Files,
    [property: Description("Files not listed; get_job all_files: true lists them.")] int MoreFiles)
{
    public const string Succeeded = "succeeded";
    public const string Working = "working";
    public const string Paused = "paused";
}

public sealed record FileLink(string Uri, string Name, string MimeType, long Bytes);
