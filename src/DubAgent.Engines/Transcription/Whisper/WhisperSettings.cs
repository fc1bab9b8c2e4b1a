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

    public static WhisperSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Whisper");
        return new WhisperSettings
        {
            Model = section["Model"] is { Length: > 0 } model ? model.Trim() : null,
            Threads = section.GetValue<int?>("Threads") is > 0 and var threads ? threads : null,
            Workers = section.GetValue<int?>("Workers") is > 0 and var workers ? workers : null,
            LanguageGuard = Math.Clamp(section.GetValue("LanguageGuard", 0.8), 0, 1),
            MaxSegmentSeconds = Math.Max(1, section.GetValue("MaxSegmentSeconds", 7.0)),
            PauseSeconds = Math.Max(0.1, section.GetValue("PauseSeconds", 0.6)),
        };
    }
}
