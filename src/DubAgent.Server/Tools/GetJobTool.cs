using System.ComponentModel;
using DubAgent.Abstractions.Tools;
using DubAgent.Server.Jobs;
using DubAgent.Server.Resources;

namespace DubAgent.Server.Tools;

public sealed class JobArguments
{
    [Description("The job id, as the `job` line of a tool result shows it (e.g. 20261121-084511123-3fa2).")]
    public required string Job { get; init; }
}

public sealed record JobStepEntry(
    string Step,
    string Tool,
    [property: Description("queued, running, succeeded, failed, cancelled, interrupted (its process died before it finished), or earlier (made by an earlier server run).")] string Status,
    [property: Description("0..1 while running, when the tool knows.")] double? Progress,
    string? Message,
    string? Engine,
    double? Seconds,
    string? Error,
    string? Summary);

public sealed record ArtifactEntry(string Uri, string Path, long Bytes);

public sealed record JobResult(string Job, string Status, string Folder, IReadOnlyList<JobStepEntry> Steps, int ArtifactCount, IReadOnlyList<ArtifactEntry> Artifacts);

/// <summary>get_job: a job's steps, their state and progress, and the files they wrote (as resource addresses).</summary>
public sealed class GetJobTool(JobStore jobs, ArtifactCatalog artifacts) : Tool<JobArguments, JobResult>, IServerTool
{
    private const int MaxArtifacts = 30;

    public override string Name => "get_job";

    public override string Description =>
        "Shows a job: its status (running, succeeded, failed, cancelled, interrupted), each step with its progress (0..1), engine, seconds, " +
        "error or summary, and the files the steps wrote, each as a resource address dubagent://jobs/{job}/{step}/{file} " +
        "that resources/read returns (transcript.json, translation.json, subtitles...). Use it to follow a call started " +
        "with background: true, or to find an earlier job's outputs.";

    public ServerToolKind Kind => ServerToolKind.Query;

    public override Task<JobResult> InvokeAsync(JobArguments arguments, ToolContext context)
    {
        var job = jobs.Open(arguments.Job);
        var steps = job.Steps.Select(s => new JobStepEntry(
            s.Name, s.Tool, s.Status.ToString().ToLowerInvariant(),
            s.LastProgress?.Fraction is { } f ? Math.Round(f, 3) : null,
            s.LastProgress?.Message,
            s.Engine,
            s.Started is { } start ? Math.Round(((s.Ended ?? DateTimeOffset.UtcNow) - start).TotalSeconds, 1) : null,
            s.Error,
            s.Summary)).ToList();
        var files = artifacts.OfJob(job);
        var shown = files.Take(MaxArtifacts).Select(a => new ArtifactEntry(a.Uri, a.FullPath, a.Size)).ToList();
        return Task.FromResult(new JobResult(job.Id, job.Status, job.Directory, steps, files.Count, shown));
    }
}
