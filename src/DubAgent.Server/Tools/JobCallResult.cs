using System.ComponentModel;
using System.Text.Json;

namespace DubAgent.Server.Tools;

/// <summary>
/// The structured result of a call that runs in a job: either the work is done (`succeeded`, the tool's own result in
/// `result`) or it goes on in the background (`working`) and `follow` is where to watch it. A client learns the job in
/// both cases, so a long dub is never lost to a request timeout.
/// </summary>
public sealed record JobCallResult(
    [property: Description("succeeded: `result` holds the tool's result. working: the call goes on in the background; read `follow` or call get_job (wait: 30) until it ends. " +
                          "paused (run_pipeline with review): `result.review` lists the lines to look at and how to resume.")]
    string Status,
    [property: Description("The job id: pass it as `job` to later calls so one dub's outputs stay together.")] string Job,
    [property: Description("This call's step in the job (its folder name).")] string Step,
    [property: Description("This call's folder on the server.")] string Folder,
    [property: Description("0..1: how far the work is (1 when succeeded).")] double? Progress,
    [property: Description("What the work is doing now, or its summary when done.")] string? Message,
    [property: Description("The job's status resource (what get_job answers).")] string Follow,
    [property: Description("The tool's result, when status is succeeded.")] JsonElement? Result,
    [property: Description("The files this call delivered, as resource addresses, the most useful first.")] IReadOnlyList<FileLink> Files,
    [property: Description("How many more files the job holds; get_job with all_files: true lists them.")] int MoreFiles)
{
    public const string Succeeded = "succeeded";
    public const string Working = "working";
    public const string Paused = "paused";
}

public sealed record FileLink(string Uri, string Name, string MimeType, long Bytes);
