using DubAgent.Abstractions.Errors;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DubAgent.Cluster.Broker;

/// <summary>
/// A MassTransit bus on the RabbitMQ broker of `Cluster:Broker`, started only after the broker answers; a start that
/// fails (refused login, wrong virtual host) becomes an error naming the setting, with the credentials scrubbed.
/// </summary>
public static class ClusterBus
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <param name="logging">The application's logging, which MassTransit's warnings and errors go to (scrubbed); none when null.</param>
    public static async Task<IBusControl> StartAsync(BrokerAddress broker, Action<IRabbitMqBusFactoryConfigurator> endpoints,
        CancellationToken cancellationToken, ILoggerFactory? logging = null)
    {
        await BrokerReach.CheckAsync(broker, cancellationToken).ConfigureAwait(false);
        // MassTransit reads its logger from the (async-local) LogContext of the code that creates and starts the bus.
        var logs = new BrokerLogging(logging ?? NullLoggerFactory.Instance, broker);
        LogContext.ConfigureCurrentLogContext(logs);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(broker.Host, (ushort)broker.Port, broker.VirtualHost, h => ConfigureHost(h, broker));
            endpoints(cfg);
        });
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StartTimeout);
        try
        {
            await bus.StartAsync(deadline.Token).ConfigureAwait(false);
            return bus;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            await StopQuietlyAsync(bus).ConfigureAwait(false);
            var why = e is OperationCanceledException
                ? $"it did not accept the connection within {StartTimeout.TotalSeconds:0} s{(logs.LastProblem is { } last ? $" (last: {last.TrimEnd('.')})" : "")}"
                : BrokerLogging.Scrub(e.GetBaseException().Message, broker).TrimEnd('.');
            if (why.Contains("ACCESS_REFUSED", StringComparison.Ordinal) || why.Contains("NOT_ALLOWED", StringComparison.Ordinal))
                throw new InputException($"The RabbitMQ broker of {ClusterOptions.BrokerKey} ({broker.Display}) refused the login: {why}.",
                    $"Check the user and password in {ClusterOptions.BrokerKey} (or Cluster:BrokerPassword) and that the user may use virtual host "
                    + $"'{broker.VirtualHost}' (`rabbitmqctl list_permissions -p {broker.VirtualHost}`).");
            throw BrokerReach.Unreachable(broker, why, new InvalidOperationException(why));
        }
    }

    /// <summary>Credentials, heartbeat and TLS of the connection, as MassTransit is told them.</summary>
    internal static void ConfigureHost(IRabbitMqHostConfigurator host, BrokerAddress broker)
    {
        host.Username(broker.User);
        host.Password(broker.Password);
        if (broker.Heartbeat is { } heartbeat) host.Heartbeat(heartbeat);
        if (broker.Tls) host.UseSsl(ssl => broker.TlsSettings.ApplyTo(ssl, broker.Host));
    }

    /// <param name="timeout">How long running consumers may take to finish (default 30 s).</param>
    public static async Task StopQuietlyAsync(IBusControl bus, TimeSpan? timeout = null)
    {
        try
        {
            await bus.StopAsync(timeout ?? TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Stopping after a failed start or a lost broker: nothing more to release.
        }
    }
}
