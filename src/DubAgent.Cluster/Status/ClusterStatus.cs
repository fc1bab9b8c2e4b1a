using DubAgent.Cluster.Broker;
using DubAgent.Cluster.Messages;
using DubAgent.Cluster.Worker;
using MassTransit;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace DubAgent.Cluster.Status;

/// <summary>One queue: steps waiting in it and steps that ended in its dead-letter queue.</summary>
public sealed record QueueDepth(string Key, string Queue, uint Waiting, uint Consumers, uint DeadLettered);

/// <summary>What `dubagent cluster status` shows: the workers heard from, and the depth of every step queue.</summary>
public sealed record ClusterSnapshot(string Broker, IReadOnlyList<WorkerHeartbeat> Workers, IReadOnlyList<QueueDepth> Queues);

/// <summary>
/// Listens to the workers' heartbeats for a little longer than their interval and reads each step queue's depth and its
/// dead-letter queue's from the broker (a passive declare, which changes nothing).
/// </summary>
public static class ClusterStatus
{
    public static async Task<ClusterSnapshot> TakeAsync(BrokerAddress broker, IReadOnlyList<string> keys, CancellationToken cancellationToken,
        ILoggerFactory? logging = null)
    {
        var heard = new Dictionary<string, WorkerHeartbeat>(StringComparer.Ordinal);
        var bus = await ClusterBus.StartAsync(broker, cfg => cfg.ReceiveEndpoint(new TemporaryEndpointDefinition(), e =>
            e.Handler<WorkerHeartbeat>(c =>
            {
                lock (heard) heard[c.Message.Worker] = c.Message;
                return Task.CompletedTask;
            })), cancellationToken, logging).ConfigureAwait(false);
        try
        {
            var queues = await DepthsAsync(broker, keys, cancellationToken).ConfigureAwait(false);
            await Task.Delay(ClusterWorker.HeartbeatInterval * 2, cancellationToken).ConfigureAwait(false);
            lock (heard)
                return new ClusterSnapshot(broker.Display, heard.Values.OrderBy(w => w.Worker, StringComparer.Ordinal).ToList(), queues);
        }
        finally
        {
            await ClusterBus.StopQuietlyAsync(bus).ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyList<QueueDepth>> DepthsAsync(BrokerAddress broker, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            HostName = broker.Host,
            Port = broker.Port,
            VirtualHost = broker.VirtualHost,
            UserName = broker.User,
            Password = broker.Password,
            Ssl = new SslOption { Enabled = broker.Tls, ServerName = broker.Host },
        };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
        var depths = new List<QueueDepth>();
        foreach (var key in keys)
        {
            var (waiting, consumers) = await PeekAsync(connection, StepQueues.QueueName(key), cancellationToken).ConfigureAwait(false);
            var (dead, _) = await PeekAsync(connection, StepQueues.DeadLetterQueueName(key), cancellationToken).ConfigureAwait(false);
            depths.Add(new QueueDepth(key, StepQueues.QueueName(key), waiting, consumers, dead));
        }
        return depths;
    }

    /// <summary>Messages and consumers of a queue; (0, 0) when it was never declared (a closed channel per miss, as AMQP does).</summary>
    private static async Task<(uint Messages, uint Consumers)> PeekAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            var ok = await channel.QueueDeclarePassiveAsync(queue, cancellationToken).ConfigureAwait(false);
            return (ok.MessageCount, ok.ConsumerCount);
        }
        catch (OperationInterruptedException)
        {
            return (0, 0);
        }
    }
}
