namespace DubAgent.Engines.Analysis;

public sealed class AnalyzeMediaResult
{
    public double DurationSeconds { get; init; }

    public string Container { get; init; } = "";

    /// <summary>One line per stream ("#1 audio aac 48000 Hz 2 ch stereo [eng]").</summary>
    public List<string> Streams { get; init; } = [];

    public bool HasVideo { get; init; }

    public bool HasAudio { get; init; }

    /// <summary>EBU R128 integrated loudness, LUFS.</summary>
    public double? IntegratedLufs { get; init; }

    /// <summary>Highest true peak, dBTP.</summary>
    public double? TruePeakDbtp { get; init; }

    public double? LoudnessRangeLu { get; init; }

    /// <summary>Share of the duration with speech, 0..1.</summary>
    public double? SpeechRatio { get; init; }

    public double? SpeechSeconds { get; init; }

    /// <summary>What found the speech: silero-vad, or energy when the Silero model is absent (a note then says so).</summary>
    public string? SpeechDetector { get; init; }

    public bool? MusicPresent { get; init; }

    /// <summary>Share of the time with music, 0..1.</summary>
    public double? MusicRatio { get; init; }

    /// <summary>Level of the pauses above the steady floor (hum, hiss, room tone) relative to the speech, dB.</summary>
    public double? BackgroundToSpeechDb { get; init; }

    /// <summary>Share of the pauses with a sound near the speech's level (effects), 0..1.</summary>
    public double? LoudEventRatio { get; init; }

    /// <summary>Stretches of speech (pauses under 0.3 s inside one).</summary>
    public int? SpeechTurns { get; init; }

    public double? SpeechTurnsPerMinute { get; init; }

    /// <summary>Median pause between two turns, seconds.</summary>
    public double? MedianPauseSeconds { get; init; }

    /// <summary>Share of the time in stretches of 4 s or more without speech, 0..1.</summary>
    public double? LongGapRatio { get; init; }

    /// <summary>dialogue or cinematic (null without audio).</summary>
    public string? ContentGuess { get; init; }

    /// <summary>The figures the guess rests on, and the rule that fired.</summary>
    public List<string> ContentReasons { get; init; } = [];

    /// <summary>media.json with the same figures.</summary>
    public string MediaJson { get; init; } = "";
}
