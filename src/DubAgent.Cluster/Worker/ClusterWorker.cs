using DubAgent.Abstractions.Errors;
using DubAgent.Cluster.Broker;
using DubAgent.Cluster.Messages;
using MassTransit;
using PipelineException = DubAgent.Abstractions.Errors.PipelineException;
using Microsoft.Extensions.Logging;

namespace DubAgent.Cluster.Worker;

/// <summary>
/// `dubagent worker`: consumes the capability queues it serves until cancelled. A step that throws is tried again with
/// exponential back-off (bad input is not: it would fail the same way), then MassTransit moves it to the queue's
/// `_error` dead-letter queue and publishes its fault, which the coordinator reports.
/// </summary>
public sealed class ClusterWorker(WorkerStepCall call, ILogger<ClusterWorker> logger, ILoggerFactory logging)
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(3);

    public async Task RunAsync(BrokerAddress broker, WorkerSettings settings, Action<string>? ready, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(settings.Concurrency);
        var load = new WorkerLoad();
        var bus = await ClusterBus.StartAsync(broker, cfg =>
        {
            foreach (var key in settings.Queues)
            {
                cfg.ReceiveEndpoint(StepQueues.QueueName(key), e =>
                {
                    // A step waiting here for a free slot is held by this worker; one per slot keeps that short.
                    e.PrefetchCount = settings.Concurrency;
                    e.ConcurrentMessageLimit = settings.Concurrency;
                    e.UseMessageRetry(r =>
                    {
                        r.Exponential(settings.Retries, settings.FirstRetry, settings.FirstRetry * 30, settings.FirstRetry);
                        r.Ignore<InputException>();
                        r.Ignore<PipelineException>();
                        r.Ignore<EngineUnavailableException>();
                    });
                    e.Consumer(() => new StepExecutionConsumer(call, settings, slots, load));
                });
            }
        }, cancellationToken, logging).ConfigureAwait(false);
        var line = $"worker {settings.Name} on {broker.Display}: queues {string.Join(", ", settings.Queues)}; {settings.Concurrency} at once";
        logger.LogInformation("{Ready}", line);
        ready?.Invoke(line);
        try
        {
            // The heartbeat `dubagent cluster status` listens to.
            using var beat = new PeriodicTimer(HeartbeatInterval);
            do
            {
                try
                {
                    await bus.Publish(new WorkerHeartbeat
                    {
                        Worker = settings.Name, Queues = [.. settings.Queues], Concurrency = settings.Concurrency, Running = load.Running,
                        At = DateTimeOffset.UtcNow,
                    }, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The broker is away for a moment: MassTransit reconnects, and the next beat goes out then.
                    logger.LogWarning("Worker {Worker} could not publish its heartbeat: {Error}", settings.Name, e.Message);
                }
            }
            while (await beat.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: no new steps; stopping the bus lets the running ones commit first (a second Ctrl+C kills
            // the process, which leaves them unacknowledged for another worker).
        }
        finally
        {
            await ClusterBus.StopQuietlyAsync(bus, Timeout.InfiniteTimeSpan).ConfigureAwait(false);
        }
    }
}
