using System.ComponentModel;
using DubAgent.Abstractions.Tools;
using DubAgent.Server.Jobs;

namespace DubAgent.Server.Tools;

public sealed record CancelJobResult(
    string Job,
    [property: Description("How many running or queued calls were told to stop.")] int Stopped,
    string Status);

/// <summary>cancel_job: stops every running or queued call of a job.</summary>
public sealed class CancelJobTool(JobStore jobs) : Tool<JobArguments, CancelJobResult>, IServerTool
{
    public override string Name => "cancel_job";

    public override string Description =>
        "Stops every running or queued call of a job (for example a run_pipeline started with background: true). " +
        "Files already written stay; a stopped step is marked cancelled and leaves no half-written output. " +
        "The job can still be used by later calls.";

    public ServerToolKind Kind => ServerToolKind.Query;

    public override async Task<CancelJobResult> InvokeAsync(JobArguments arguments, ToolContext context)
    {
        var job = jobs.Open(arguments.Job);
        var stopped = job.Cancel();
        // Give the stopped calls a moment to unwind so the reported status is their final one.
        for (var i = 0; i < 250 && job.Steps.Any(s => s.IsActive); i++)
            await Task.Delay(20, context.CancellationToken).ConfigureAwait(false);
        return new CancelJobResult(job.Id, stopped, job.Status);
    }
}
