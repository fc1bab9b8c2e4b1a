using System.ComponentModel.DataAnnotations;

namespace DubAgent.Engines.Transcription;

/// <summary>
/// The "OpenAI:Transcription" section as written (DUBAGENT_OPENAI__TRANSCRIPTION__MODEL); <see cref="OpenAiTranscriptionSettings"/>
/// resolves it with the shared "OpenAI" section and the OPENAI_ variables.
/// </summary>
public sealed class OpenAiTranscriptionOptions
{
    [Url]
    public string? BaseUrl { get; set; }

    public string? ApiKey { get; set; }

    [Required]
    public string Model { get; set; } = "whisper-1";

    /// <summary>The language of calls that give none.</summary>
    public string? Language { get; set; }

    /// <summary>Largest upload (the API's file limit is 25 MB); longer audio is cut into pieces.</summary>
    [Range(typeof(long), "65536", "9223372036854775807", MinimumIsExclusive = true)]
    public long? MaxUploadBytes { get; set; }

    /// <summary>Retries after 429 and 5xx answers.</summary>
    [Range(0, int.MaxValue)]
    public int? MaxRetries { get; set; }
}
