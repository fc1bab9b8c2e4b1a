using System.ComponentModel.DataAnnotations;
using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Cluster;

/// <summary>The "Cluster" section: where the RabbitMQ broker is and how steps that fail are retried.</summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    public const string BrokerKey = "Cluster:Broker";

    /// <summary>amqp://[user[:password]@]host[:port][/vhost] (amqps:// for TLS). Credentials are never logged or printed.</summary>
    public string? Broker { get; set; }

    /// <summary>The broker password kept out of the URL (e.g. DUBAGENT_CLUSTER__BROKERPASSWORD); masked like every secret.</summary>
    public string? BrokerPassword { get; set; }

    /// <summary>How many times a worker runs a failing step again before it goes to the dead-letter queue.</summary>
    [Range(0, 20)]
    public int Retries { get; set; } = 3;

    /// <summary>The first back-off between tries; each next one is longer (exponential, at most 30 times this).</summary>
    [Range(0.01, 600)]
    public double RetrySeconds { get; set; } = 1;

    /// <summary>When set, a worker runs only steps whose job folder is inside this folder (the storage every machine mounts).</summary>
    public string? JobsRoot { get; set; }

    /// <summary>
    /// The AMQP heartbeat asked of the broker: a worker cut off (network, frozen machine) loses its connection after about
    /// two of these, and the broker hands its step to another worker. 0 keeps the broker's (60 s on RabbitMQ).
    /// </summary>
    [Range(0, 600)]
    public int HeartbeatSeconds { get; set; } = 10;

    /// <summary>amqps: the name the broker's certificate must carry, when it is not the URL's host name.</summary>
    public string? TlsServerName { get; set; }

    /// <summary>amqps: a PEM file of the CA that signed the broker's certificate, for a private CA the system does not trust.</summary>
    public string? TlsCaFile { get; set; }

    /// <summary>amqps: a client certificate (.p12/.pfx) the worker presents, for brokers that require one.</summary>
    public string? TlsClientCertificate { get; set; }

    /// <summary>The client certificate's passphrase (masked like every secret).</summary>
    public string? TlsClientCertificatePassword { get; set; }

    public static ClusterOptions From(IConfiguration configuration) => configuration.GetOptions<ClusterOptions>(Section);
}
