using System.ComponentModel;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Tools;
using DubAgent.Server.Jobs;
using DubAgent.Server.Resources;

namespace DubAgent.Server.Tools;

public sealed class JobArguments
{
    [Description("The job id, as the `job` line of a tool result shows it (e.g. 20261121-084511123-3fa2).")]
    public required string Job { get; init; }
}

public sealed class GetJobArguments
{
    [Description("The job id, as the `job` line of a tool result shows it (e.g. 20261121-084511123-3fa2).")]
    public required string Job { get; init; }

    [Description("Seconds to wait for a running job to finish before answering (0 to 30, default 0: answer at once). " +
                 "With a progressToken, progress notifications follow the job meanwhile.")]
    public int Wait { get; init; }

    [Description("true: list every file of the job; default: the deliverables first and at most 30 files.")]
    public bool AllFiles { get; init; }
}

/// <summary>get_job: a job's steps, their state and progress, and the files they wrote (as resource addresses).</summary>
public sealed class GetJobTool(JobStore jobs, ArtifactCatalog artifacts) : Tool<GetJobArguments, JobResult>, IServerTool
{
    public const int MaxWaitSeconds = 30;

    public override string Name => "get_job";

    public override string Description =>
        "Shows a job: its status (running, succeeded, failed, cancelled, interrupted), how far it is, each step with its progress (0..1), " +
        "engine, seconds, error or summary, and the files the steps wrote, deliverables first, each as a resource address " +
        "dubagent://jobs/{job}/{step}/{file} that resources/read returns. Use it to follow a call that answered 'working' " +
        "(pass wait: 30 to hold until the job ends), or to find an earlier job's outputs.";

    public ServerToolKind Kind => ServerToolKind.Query;

    public override async Task<JobResult> InvokeAsync(GetJobArguments arguments, ToolContext context)
    {
        var job = jobs.Open(arguments.Job);
        var until = TimeSpan.FromSeconds(Math.Clamp(arguments.Wait, 0, MaxWaitSeconds));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (job.Status is "running" or "queued" && clock.Elapsed < until)
        {
            var now = JobReport.Of(job, artifacts);
            context.Progress.Report(new ProgressUpdate(now.Progress, now.Message ?? now.Status));
            await Task.Delay(250, context.CancellationToken).ConfigureAwait(false);
        }
        return JobReport.Of(job, artifacts, arguments.AllFiles);
    }
}
