namespace DubAgent.Engines.Transcription;

public sealed class TranscribeResult
{
    /// <summary>The transcript.json written.</summary>
    public string TranscriptPath { get; init; } = "";

    public string Engine { get; init; } = "";

    public string Language { get; init; } = "";

    public int Segments { get; init; }

    public int Words { get; init; }

    /// <summary>Seconds of media.</summary>
    public double TotalDuration { get; init; }

    /// <summary>Seconds covered by segments.</summary>
    public double SpeechSeconds { get; init; }

    public double MeanConfidence { get; init; }

    /// <summary>Whether the engine heard the spoken language and compared it with the declared one (whisper does; the others cannot).</summary>
    public bool LanguageChecked { get; init; }

    /// <summary>What was heard and compared, or why the language was not checked.</summary>
    public string? LanguageCheck { get; init; }

    /// <summary>The first few segments, "seg_0001 [0.50-2.10]: text".</summary>
    public IReadOnlyList<string> Preview { get; init; } = [];
}
