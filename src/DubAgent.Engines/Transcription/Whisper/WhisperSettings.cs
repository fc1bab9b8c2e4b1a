using DubAgent.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace DubAgent.Engines.Transcription.Whisper;

/// <summary>
/// Settings of the `whisper` engine, section "Whisper" (DUBAGENT_WHISPER__MODEL...): Model (a catalog model such as
/// `base`, `small.en`, `large-v3-turbo-q5_0` or `whisper-base`, or the path of a ggml file; default `base`, or `base.en`
/// for English), Threads and Workers (default: from the core count and memory), LanguageGuard (0.8: a detected language
/// at least this probable that differs from the declared one stops the run), MaxSegmentSeconds (7), PauseSeconds (0.6).
/// </summary>
public sealed record WhisperSettings
{
    public string? Model { get; init; }

    public int? Threads { get; init; }

    public int? Workers { get; init; }

    public double LanguageGuard { get; init; } = 0.8;

    public double MaxSegmentSeconds { get; init; } = 7;

    public double PauseSeconds { get; init; } = 0.6;

    public const string Section = "Whisper";

    /// <summary>The section bound to this record once, then out-of-range values brought into range (0 threads: automatic).</summary>
    public static WhisperSettings From(IConfiguration configuration)
    {
        var bound = configuration.GetOptions<WhisperSettings>(Section);
        return bound with
        {
            Model = string.IsNullOrWhiteSpace(bound.Model) ? null : bound.Model.Trim(),
            Threads = bound.Threads is > 0 ? bound.Threads : null,
            Workers = bound.Workers is > 0 ? bound.Workers : null,
            LanguageGuard = Math.Clamp(bound.LanguageGuard, 0, 1),
            MaxSegmentSeconds = Math.Max(1, bound.MaxSegmentSeconds),
            PauseSeconds = Math.Max(0.1, bound.PauseSeconds),
        };
    }
}
