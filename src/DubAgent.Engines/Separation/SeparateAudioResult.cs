namespace DubAgent.Engines.Separation;

public sealed class SeparateAudioResult
{
    /// <summary>The engine that really ran.</summary>
    public string Engine { get; init; } = "";

    public string? EngineVersion { get; init; }

    /// <summary>Stem name (vocals, background, music, sfx, original) to WAV path.</summary>
    public Dictionary<string, string> Stems { get; init; } = new();

    /// <summary>
    /// The audio to transcribe, diarize and measure voices from: the vocals stem when separated, the original audio
    /// on the plain route. Recipes read this one field whatever route ran.
    /// </summary>
    public string Speech { get; init; } = "";

    /// <summary>True when stems were separated; false for plain extraction (original.wav only).</summary>
    public bool Separated { get; init; }

    public string? Note { get; init; }

    /// <summary>separation.json: what was produced, by which engine, from what.</summary>
    public string Record { get; init; } = "";

    public double DurationSeconds { get; init; }

    public int SampleRate { get; init; }

    public int Channels { get; init; }

    public double ElapsedSeconds { get; init; }

    /// <summary>Processing seconds per media second (lower is faster).</summary>
    public double RealTimeFactor { get; init; }
}
