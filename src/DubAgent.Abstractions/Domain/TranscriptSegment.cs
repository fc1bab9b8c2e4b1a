using System.Text.Json.Serialization;

namespace DubAgent.Abstractions.Domain;

/// <summary>One line: who said what, when (seconds from the start), and how sure the engine is.</summary>
public sealed record TranscriptSegment
{
    /// <summary>Stable id (`seg_0001`), kept by every later stage.</summary>
    public string Id { get; init; } = "";

    /// <summary>SPEAKER_00, SPEAKER_01, ... or null before diarization.</summary>
    public string? Speaker { get; init; }

    public double Start { get; init; }

    public double End { get; init; }

    public string Text { get; init; } = "";

    /// <summary>0 to 1.</summary>
    public double Confidence { get; init; } = 1.0;

    public IReadOnlyList<WordTiming>? Words { get; init; }

    [JsonIgnore]
    public double Duration => End - Start;

    public static string IdFor(int index) => $"seg_{index + 1:D4}";
}

public sealed record WordTiming(string Word, double Start, double End, double Confidence = 1.0);
