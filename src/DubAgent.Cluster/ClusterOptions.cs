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

    public static ClusterOptions From(IConfiguration configuration) => configuration.GetOptions<ClusterOptions>(Section);
}
