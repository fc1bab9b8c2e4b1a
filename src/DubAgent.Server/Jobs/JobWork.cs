using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Tools;
using Microsoft.Extensions.Logging;

namespace DubAgent.Server.Jobs;

/// <summary>
/// One call's work in its job, independent of the MCP request that started it: it stops on cancel_job (the job's token,
/// taken now so a cancel that comes before the work starts still counts) or when the client cancels while it waits for
/// the result, and otherwise outlives an answer that says "working". Its step records the outcome either way.
/// </summary>
public sealed class JobWork(Job job, JobStep step)
{
    private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(job.CancellationToken);
    private string _stopReason = "cancelled with cancel_job";

    public Task<ToolCallResult> Completion { get; private set; } = Task.FromException<ToolCallResult>(new InvalidOperationException("not started"));

    public void Start(Func<CancellationToken, Task<ToolCallResult>> run, ILogger logger, ITool tool)
    {
        Completion = RunAsync(run, logger, tool);
        // Work nobody waits for any more (it answered "working") must not fail unobserved.
        _ = Completion.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>Stops the work and waits until its step says so.</summary>
    public async Task StopAsync(string reason)
    {
        _stopReason = reason;
        try
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // Already finished.
        }
        await ((Task)Completion).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task<ToolCallResult> RunAsync(Func<CancellationToken, Task<ToolCallResult>> run, ILogger logger, ITool tool)
    {
        await Task.Yield();
        try
        {
            return await run(_stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            step.MarkCancelled(_stopReason);
            throw;
        }
        catch (Exception e)
        {
            if (e is not DubAgentException) logger.LogError(e, "Tool {Tool} failed", tool.Name);
            step.MarkFailed(ToolErrorText.Of(e));
            throw;
        }
        finally
        {
            CallRecord.Write(step, tool);
            _stop.Dispose();
        }
    }
}
