namespace DubAgent.Engines.Synthesis;

/// <summary>One segment's clip on the track (seconds from the track's start).</summary>
public sealed record Placement
{
    public string Id { get; init; } = "";
    public string? Speaker { get; init; }
    public string Voice { get; init; } = "";
    public double SlotStart { get; init; }
    public double SlotEnd { get; init; }

    /// <summary>Where the clip starts (the slot start unless an earlier clip's overflow pushed it).</summary>
    public double Start { get; init; }

    public double End { get; init; }

    /// <summary>Natural length of the synthesized speech (edge silence removed).</summary>
    public double ClipSeconds { get; init; }

    /// <summary>Length on the track after compression.</summary>
    public double FittedSeconds { get; init; }

    /// <summary>Tempo applied: 1 = natural speed, 1.25 = 25 % faster (pitch unchanged).</summary>
    public double StretchRatio { get; init; } = 1;

    /// <summary>Seconds the clip runs past the next line's start (or the track end) after compression.</summary>
    public double OverflowSeconds { get; init; }

    public double DelaySeconds { get; init; }

    public string Text { get; init; } = "";

    public bool Cached { get; init; }

    public IReadOnlyList<string> Flags { get; init; } = [];
}

/// <summary>placements.json.</summary>
public sealed record PlacementsDocument
{
    public string Engine { get; init; } = "";
    public string? EngineVersion { get; init; }
    public string Language { get; init; } = "";
    public double TotalDuration { get; init; }
    public int SampleRate { get; init; }
    public double MaxStretch { get; init; }
    public IReadOnlyList<CastEntry> Cast { get; init; } = [];
    public PlacementSummary Summary { get; init; } = new();
    public IReadOnlyList<Placement> Placements { get; init; } = [];
}

public sealed record PlacementSummary
{
    public int Segments { get; init; }
    public int Silent { get; init; }
    public int Overflow { get; init; }
    public double PlacedWithoutOverflow { get; init; }
    public double MaxStretchRatio { get; init; } = 1;
    public double MaxOverflowMs { get; init; }
    public int Synthesized { get; init; }
    public int FromCache { get; init; }
}
