using System.ComponentModel.DataAnnotations;
using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Synthesis.ElevenLabs;

/// <summary>
/// The "ElevenLabs" section (DUBAGENT_ELEVENLABS__APIKEY, ...). The key falls back to ELEVENLABS_API_KEY, the variable
/// ElevenLabs' own SDKs read.
/// </summary>
public sealed class ElevenLabsOptions
{
    public const string Section = "ElevenLabs";
    public const string DefaultBaseUrl = "https://api.elevenlabs.io";

    public string? ApiKey { get; set; }

    /// <summary>The API's root (without /v1): another address only for a proxy or a server that follows the same API.</summary>
    [Url]
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The text-to-speech model: multilingual, so one cloned voice speaks every target language.</summary>
    [Required]
    public string Model { get; set; } = "eleven_multilingual_v2";

    /// <summary>`pcm_16000`, `pcm_22050`, `pcm_24000` (raw 16-bit mono, stored as WAV as it comes) or an `mp3_...` format (converted).</summary>
    [Required]
    public string OutputFormat { get; set; } = "pcm_22050";

    /// <summary>Requests at once; the free plan allows 2 concurrent requests, paid plans more.</summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>Asks ElevenLabs to remove background noise from the samples when adding a voice.</summary>
    public bool RemoveBackgroundNoise { get; set; }

    public static ElevenLabsOptions From(IConfiguration configuration)
    {
        var options = configuration.GetOptions<ElevenLabsOptions>(Section);
        if (string.IsNullOrWhiteSpace(options.ApiKey))
            options.ApiKey = Environment.GetEnvironmentVariable("ELEVENLABS_API_KEY") is { Length: > 0 } key ? key.Trim() : null;
        options.BaseUrl = options.BaseUrl.Trim().TrimEnd('/');
        return options;
    }
}
