namespace DubAgent.Engines.Diarization;

public sealed class DiarizeResult
{
    /// <summary>The transcript.json written (with a speaker on every segment).</summary>
    public string TranscriptPath { get; init; } = "";

    /// <summary>The speaker turns as RTTM, for scoring and other tools.</summary>
    public string RttmPath { get; init; } = "";

    public string Engine { get; init; } = "";

    public int NumSpeakers { get; init; }

    public int Segments { get; init; }

    public int Turns { get; init; }

    /// <summary>Seconds of speech per speaker.</summary>
    public IReadOnlyDictionary<string, double> SpeakerSeconds { get; init; } = new Dictionary<string, double>();

    /// <summary>Share of the speech in which two speakers talk at once (0 when the engine marked no overlap).</summary>
    public double OverlappedShare { get; init; }

    public IReadOnlyList<string> Preview { get; init; } = [];
}
