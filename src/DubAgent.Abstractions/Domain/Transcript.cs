namespace DubAgent.Abstractions.Domain;

/// <summary>
/// The transcript format of DESIGN.md: <c>{ num_speakers, total_duration, language, segments: [...] }</c>.
/// </summary>
public sealed record Transcript
{
    public int NumSpeakers { get; init; }

    /// <summary>Length of the audio in seconds.</summary>
    public double TotalDuration { get; init; }

    /// <summary>ISO 639-1 code.</summary>
    public string Language { get; init; } = "en";

    public IReadOnlyList<TranscriptSegment> Segments { get; init; } = [];

    /// <summary>How the spoken language was checked (an addition to the seed format; absent in older transcripts).</summary>
    public LanguageCheck? LanguageCheck { get; init; }
}
