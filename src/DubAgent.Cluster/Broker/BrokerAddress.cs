using DubAgent.Abstractions.Errors;

namespace DubAgent.Cluster.Broker;

/// <summary>
/// The broker's address from `Cluster:Broker` (an amqp or amqps URL). <see cref="Display"/> is the only form that is
/// ever shown or logged: it carries no user name or password.
/// </summary>
public sealed record BrokerAddress(bool Tls, string Host, int Port, string VirtualHost, string User, string Password)
{
    public const string Hint =
        "Set Cluster:Broker to the RabbitMQ broker's URL, e.g. --config Cluster:Broker=amqp://broker.example:5672/ "
        + "or DUBAGENT_CLUSTER__BROKER=amqp://user@broker.example/ with the password in DUBAGENT_CLUSTER__BROKERPASSWORD.";

    public string Display => $"{(Tls ? "amqps" : "amqp")}://{Host}:{Port}/{(VirtualHost == "/" ? "" : Uri.EscapeDataString(VirtualHost))}";

    public override string ToString() => Display;

    /// <summary>The AMQP heartbeat to ask for; null keeps the broker's.</summary>
    public TimeSpan? Heartbeat { get; init; }

    /// <summary>amqps settings beyond the scheme (server name, private CA, client certificate); unused for amqp.</summary>
    public BrokerTls TlsSettings { get; init; } = new(null, null, null, null);

    /// <summary>Reads the options' URL; an InputException naming Cluster:Broker (never echoing credentials) when it is missing or malformed.</summary>
    public static BrokerAddress From(ClusterOptions options)
    {
        var text = options.Broker?.Trim();
        if (string.IsNullOrEmpty(text))
            throw new InputException($"{ClusterOptions.BrokerKey} is not set: a cluster run and a worker need the RabbitMQ broker's address.", Hint);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps") || uri.Host.Length == 0)
            throw new InputException($"{ClusterOptions.BrokerKey} is not an amqp:// or amqps:// URL with a host name.", Hint);
        var tls = uri.Scheme == "amqps";
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (tls ? 5671 : 5672) : uri.Port;
        var path = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        var (user, password) = Credentials(uri.UserInfo);
        if (!string.IsNullOrEmpty(options.BrokerPassword)) password = options.BrokerPassword;
        return new BrokerAddress(tls, uri.Host, port, path.Length == 0 ? "/" : path, user ?? "guest", password ?? "guest")
        {
            Heartbeat = options.HeartbeatSeconds > 0 ? TimeSpan.FromSeconds(options.HeartbeatSeconds) : null,
            TlsSettings = BrokerTls.From(options, tls),
        };
    }

    private static (string? User, string? Password) Credentials(string userInfo)
    {
        if (userInfo.Length == 0) return (null, null);
        var colon = userInfo.IndexOf(':');
        return colon < 0
            ? (Uri.UnescapeDataString(userInfo), null)
            : (Uri.UnescapeDataString(userInfo[..colon]), Uri.UnescapeDataString(userInfo[(colon + 1)..]));
    }
}
