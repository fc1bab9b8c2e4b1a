using System.ComponentModel.DataAnnotations;
using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Transcription;

/// <summary>Settings of the `whisper-cpp` transcriber, section "WhisperCpp" (DUBAGENT_WHISPERCPP__MODEL).</summary>
public sealed class WhisperCppOptions
{
    public const string Section = "WhisperCpp";

    [Required]
    public string Program { get; set; } = "whisper-cli";

    /// <summary>The ggml model file; the engine is unavailable without one.</summary>
    public string? Model { get; set; }

    /// <summary>whisper-cli -t; unset, its own default.</summary>
    [Range(1, int.MaxValue)]
    public int? Threads { get; set; }

    /// <summary>Longest piece of audio given to whisper-cli at once (it holds its whole input in memory).</summary>
    [Range(1.0, double.MaxValue, MinimumIsExclusive = true)]
    public double MaxChunkSeconds { get; set; } = 1800;

    public static WhisperCppOptions From(IConfiguration configuration) => configuration.GetOptions<WhisperCppOptions>(Section);
}
