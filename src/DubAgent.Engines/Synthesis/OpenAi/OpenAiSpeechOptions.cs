using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Synthesis;

/// <summary>
/// The "OpenAI:Speech" section as written (DUBAGENT_OPENAI__SPEECH__MODEL); <see cref="OpenAiSpeechSettings"/> resolves it
/// with the shared "OpenAI" section and the OPENAI_ variables.
/// </summary>
public sealed class OpenAiSpeechOptions
{
    [Url]
    public string? BaseUrl { get; set; }

    public string? ApiKey { get; set; }

    [Required]
    public string Model { get; set; } = "gpt-4o-mini-tts";

    /// <summary>Requests at once.</summary>
    [Range(1, int.MaxValue)]
    public int? MaxConcurrency { get; set; }

    /// <summary>A comma list ("alloy,onyx"), or a map of voice name to "gender,pitch" ("male,0.2"): read by the engine itself.</summary>
    public IConfigurationSection? Voices { get; set; }
}
