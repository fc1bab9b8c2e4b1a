using System.Security.Authentication;
using DubAgent.Abstractions.Errors;
using MassTransit;

namespace DubAgent.Cluster.Broker;

/// <summary>
/// A MassTransit bus on the RabbitMQ broker of `Cluster:Broker`, started only after the broker answers; a start that
/// fails (refused login, wrong virtual host) becomes an error naming the setting, with the credentials scrubbed.
/// </summary>
public static class ClusterBus
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    public static async Task<IBusControl> StartAsync(BrokerAddress broker, Action<IRabbitMqBusFactoryConfigurator> endpoints,
        CancellationToken cancellationToken)
    {
        await BrokerReach.CheckAsync(broker, cancellationToken).ConfigureAwait(false);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(broker.Host, (ushort)broker.Port, broker.VirtualHost, h =>
            {
                h.Username(broker.User);
                h.Password(broker.Password);
                if (broker.Tls)
                    h.UseSsl(ssl =>
                    {
                        ssl.ServerName = broker.Host;
                        ssl.Protocol = SslProtocols.Tls12 | SslProtocols.Tls13;
                    });
            });
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
            var why = e is OperationCanceledException ? $"it did not accept the connection within {StartTimeout.TotalSeconds:0} s" : Scrub(e.GetBaseException().Message, broker);
            if (why.Contains("ACCESS_REFUSED", StringComparison.Ordinal) || why.Contains("NOT_ALLOWED", StringComparison.Ordinal))
                throw new InputException($"The RabbitMQ broker of {ClusterOptions.BrokerKey} ({broker.Display}) refused the login: {why}.",
                    $"Check the user and password in {ClusterOptions.BrokerKey} (or Cluster:BrokerPassword) and that the user may use virtual host "
                    + $"'{broker.VirtualHost}' (`rabbitmqctl list_permissions -p {broker.VirtualHost}`).");
            throw BrokerReach.Unreachable(broker, why, new InvalidOperationException(why));
        }
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

    /// <summary>The transport's own message, without the password or user name in it.</summary>
    private static string Scrub(string message, BrokerAddress broker)
    {
        foreach (var secret in new[] { broker.Password, broker.User }.Where(s => s.Length > 0))
            message = message.Replace(secret, "****", StringComparison.Ordinal);
        return message.TrimEnd('.');
    }
}
