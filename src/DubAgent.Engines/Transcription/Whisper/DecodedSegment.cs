namespace DubAgent.Engines.Transcription.Whisper;

/// <summary>A word Whisper wrote, with its time in the source (seconds) and the mean probability of its tokens.</summary>
public sealed record DecodedWord(string Text, double Start, double End, double Probability);

/// <summary>
/// One segment as Whisper wrote it, already in source time. <paramref name="Words"/> is null when the token texts do not
/// spell the segment (a character split across tokens), so no word timing can be trusted.
/// </summary>
public sealed record DecodedSegment(double Start, double End, string Text, double Confidence, double NoSpeechProbability,
    IReadOnlyList<DecodedWord>? Words);
