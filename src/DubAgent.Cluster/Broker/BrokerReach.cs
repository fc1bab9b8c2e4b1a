using System.Net.Sockets;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Cluster.Broker;

/// <summary>
/// Checks that the broker answers before a run or worker starts: MassTransit would otherwise retry its connection
/// quietly for ever. The error names `Cluster:Broker` and how to fix it.
/// </summary>
public static class BrokerReach
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task CheckAsync(BrokerAddress broker, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            await client.ConnectAsync(broker.Host, broker.Port, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var why = e is SocketException s ? s.Message : $"no answer within {Timeout.TotalSeconds:0} s";
            throw Unreachable(broker, why);
        }
    }

    public static InputException Unreachable(BrokerAddress broker, string why, Exception? inner = null) => new(
        $"The RabbitMQ broker of {ClusterOptions.BrokerKey} ({broker.Display}) cannot be reached: {why}.",
        "Start the broker (as root: `apt-get install -y rabbitmq-server && service rabbitmq-server start`, or `rabbitmq-server -detached`), "
        + $"or point {ClusterOptions.BrokerKey} at a running one. " + BrokerAddress.Hint, inner);
}
