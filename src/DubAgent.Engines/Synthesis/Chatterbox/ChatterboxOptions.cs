using System.ComponentModel.DataAnnotations;
using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Synthesis.Chatterbox;

/// <summary>
/// The "Chatterbox" section (DUBAGENT_CHATTERBOX__BASEURL, ...): where the Chatterbox TTS API server runs and the
/// generation settings sent with every line. Unset settings leave the server's own defaults (its EXAGGERATION,
/// CFG_WEIGHT and TEMPERATURE variables). The server has no API key: its docs say no authentication is required.
/// </summary>
public sealed class ChatterboxOptions
{
    public const string Section = "Chatterbox";

    /// <summary>The address the project's README and Docker files serve the API on (PORT 4123 on this machine).</summary>
    public const string DefaultBaseUrl = "http://localhost:4123";

    /// <summary>The server's root (the API's /v1 paths are added to it).</summary>
    [Url]
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>Emotion intensity, 0.25-2.0 (the server's default is 0.5).</summary>
    [Range(0.25, 2.0)]
    public double? Exaggeration { get; set; }

    /// <summary>Pace control, 0-1 (the server's default is 0.5; lower is faster).</summary>
    [Range(0.0, 1.0)]
    public double? CfgWeight { get; set; }

    /// <summary>Sampling temperature, 0.05-5 (the server's default is 0.8).</summary>
    [Range(0.05, 5.0)]
    public double? Temperature { get; set; }

    /// <summary>Lines sent at once: the server runs one model, so one at a time unless it has room for more.</summary>
    [Range(1, 16)]
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>How long one request may take: on a CPU a line can take a minute.</summary>
    [Range(5, 3600)]
    public int TimeoutSeconds { get; set; } = 600;

    public static ChatterboxOptions From(IConfiguration configuration)
    {
        var options = configuration.GetOptions<ChatterboxOptions>(Section);
        options.BaseUrl = string.IsNullOrWhiteSpace(options.BaseUrl) ? DefaultBaseUrl : options.BaseUrl.Trim().TrimEnd('/');
        return options;
    }
}
