using DubAgent.Abstractions;
using DubAgent.Cluster.Messages;
using MassTransit;

namespace DubAgent.Cluster.Worker;

/// <summary>
/// Takes one step from a capability queue, runs it through <see cref="WorkerStepCall"/> and publishes its progress.
/// The broker's message is acknowledged only when Consume returns, which is after `step.json` was renamed into place:
/// a worker that dies before that leaves the message unacknowledged, and the broker hands it to another worker.
/// </summary>
public sealed class StepExecutionConsumer(WorkerStepCall call, WorkerSettings settings, SemaphoreSlim slots, WorkerLoad load) : IConsumer<StepExecution>
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    public async Task Consume(ConsumeContext<StepExecution> context)
    {
        var message = context.Message;
        await slots.WaitAsync(context.CancellationToken).ConfigureAwait(false);
        try
        {
            using var running = load.Track(message);
            var redelivered = context.ReceiveContext.Redelivered;
            var progress = new ThrottledProgress(update => Publish(context, new StepProgressed
            {
                RunId = message.RunId, StepId = message.StepId, Fraction = update.Fraction, Message = update.Message,
            }));
            var result = await call.RunAsync(message, settings.Name, settings.JobsRoot, redelivered,
                engine => Publish(context, new StepStarted
                {
                    RunId = message.RunId, StepId = message.StepId, Worker = settings.Name, Engine = engine, Redelivered = redelivered,
                }), progress, context.CancellationToken).ConfigureAwait(false);
            await context.Publish(new StepCompleted
            {
                RunId = message.RunId, StepId = message.StepId, Worker = settings.Name, CacheKey = result.CacheKey, Cached = result.Cached,
            }, context.CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Progress and start events are best effort: losing one never fails the step.</summary>
    private static void Publish<T>(ConsumeContext context, T message) where T : class =>
        _ = context.Publish(message).ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);

    /// <summary>At most one progress event per interval, plus the last one (fraction 1).</summary>
    private sealed class ThrottledProgress(Action<ProgressUpdate> send) : IProgress<ProgressUpdate>
    {
        private long _last;

        public void Report(ProgressUpdate value)
        {
            var now = Environment.TickCount64;
            var last = Interlocked.Read(ref _last);
            if (value.Fraction is not >= 1 && now - last < ProgressInterval.TotalMilliseconds) return;
            if (Interlocked.CompareExchange(ref _last, now, last) != last) return;
            send(value);
        }
    }
}
