using System.ComponentModel.DataAnnotations;
using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Cli.Hosting;

/// <summary>The "Server" section: defaults of `dubagent serve` that its --jobs and --max-calls override.</summary>
public sealed class ServerOptions
{
    public const string Section = "Server";

    /// <summary>Where each job's folder is made; unset, the user's data folder.</summary>
    public string? JobsDirectory { get; set; }

    /// <summary>Tool calls working at once; further calls wait their turn.</summary>
    [Range(1, int.MaxValue)]
    public int MaxConcurrentCalls { get; set; } = 2;

    public static ServerOptions From(IConfiguration configuration) => configuration.GetOptions<ServerOptions>(Section);
}
