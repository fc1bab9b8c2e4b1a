namespace DubAgent.Engines.Synthesis;

/// <summary>What synthesize returns: the two files, the cast and the fit figures.</summary>
public sealed record SynthesizeResult
{
    /// <summary>The dubbed dialogue track, exactly as long as the source.</summary>
    public string VoicePath { get; init; } = "";

    /// <summary>placements.json: per segment where its clip went and how it was fitted.</summary>
    public string PlacementsPath { get; init; } = "";

    public string Engine { get; init; } = "";

    public double DurationSeconds { get; init; }

    public int Segments { get; init; }

    /// <summary>Clips synthesized in this run (the rest came from the cache).</summary>
    public int Synthesized { get; init; }

    public int FromCache { get; init; }

    public int SilentSegments { get; init; }

    /// <summary>Share of segments placed without overflow, 0 to 1.</summary>
    public double PlacedWithoutOverflow { get; init; }

    public int OverflowSegments { get; init; }

    public double MaxStretchRatio { get; init; }

    public double MaxOverflowMs { get; init; }

    /// <summary>Speaker to voice.</summary>
    public IReadOnlyDictionary<string, string> Cast { get; init; } = new Dictionary<string, string>();

    /// <summary>A few placements that need a look (overflow, silent, cleaned text).</summary>
    public IReadOnlyList<string> Attention { get; init; } = [];
}
