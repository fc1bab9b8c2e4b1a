using System.ComponentModel.DataAnnotations;
using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Cli.Hosting;

/// <summary>The "Server" section: defaults of `dubagent serve` that its --jobs, --max-calls, --wait, --max-sessions, --session-idle and --token override.</summary>
public sealed class ServerOptions
{
    public const string Section = "Server";

    /// <summary>Where each job's folder is made; unset, the user's data folder.</summary>
    public string? JobsDirectory { get; set; }

    /// <summary>Tool calls working at once; further calls wait their turn.</summary>
    [Range(1, int.MaxValue)]
    public int MaxConcurrentCalls { get; set; } = 2;

    /// <summary>How long a call waits for its work before answering "working" with the job to follow (0: at once).</summary>
    [Range(0, 3600)]
    public int WaitSeconds { get; set; } = 20;

    /// <summary>HTTP sessions open at once; the next one gets 503 with Retry-After.</summary>
    [Range(1, int.MaxValue)]
    public int MaxSessions { get; set; } = 1000;

    /// <summary>An HTTP session unused this long is closed.</summary>
    [Range(1, int.MaxValue)]
    public int SessionIdleMinutes { get; set; } = 10;

    /// <summary>The largest job file resources/read returns, in MB.</summary>
    [Range(1, 2048)]
    public int MaxResourceMegabytes { get; set; } = 64;

    /// <summary>The bearer token HTTP clients must send (--token wins). The DUBAGENT_TOKEN variable sets it when Server:Token is unset.</summary>
    public string? Token { get; set; }

    public static ServerOptions From(IConfiguration configuration)
    {
        var options = configuration.GetOptions<ServerOptions>(Section);
        // DUBAGENT_TOKEN arrives as the top-level key "Token", bound here to its own small class like any section.
        if (string.IsNullOrWhiteSpace(options.Token)) options.Token = configuration.Get<TokenVariable>()?.Token;
        return options;
    }

    private sealed class TokenVariable
    {
        public string? Token { get; set; }
    }
}
