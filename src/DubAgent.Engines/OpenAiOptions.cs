using System.ComponentModel.DataAnnotations;
using DubAgent.Core.Configuration;
using DubAgent.Engines.Synthesis;
using DubAgent.Engines.Transcription;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines;

/// <summary>
/// The "OpenAI" section: what the `openai` speech and transcription engines share (endpoint, key, limits), and each
/// engine's own subsection, whose values win over the shared ones.
/// </summary>
public sealed class OpenAiOptions
{
    public const string Section = "OpenAI";

    [Url]
    public string? BaseUrl { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Speech requests at once.</summary>
    [Range(1, int.MaxValue)]
    public int? MaxConcurrency { get; set; }

    /// <summary>Largest transcription upload.</summary>
    [Range(typeof(long), "65536", "9223372036854775807", MinimumIsExclusive = true)]
    public long? MaxUploadBytes { get; set; }

    /// <summary>Transcription retries after 429 and 5xx answers.</summary>
    [Range(0, int.MaxValue)]
    public int? MaxRetries { get; set; }

    public OpenAiSpeechOptions Speech { get; set; } = new();

    public OpenAiTranscriptionOptions Transcription { get; set; } = new();

    public static OpenAiOptions From(IConfiguration configuration) => configuration.GetOptions<OpenAiOptions>(Section);
}
