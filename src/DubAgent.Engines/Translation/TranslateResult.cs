namespace DubAgent.Engines.Translation;

/// <summary>What translate reports: where translation.json is and how well the lines fit their slots.</summary>
public sealed record TranslateResult
{
    public required string TranslationPath { get; init; }
    public required string Engine { get; init; }
    public required string SourceLanguage { get; init; }
    public required string TargetLanguage { get; init; }
    public int Segments { get; init; }

    /// <summary>Segments whose estimated spoken length is within 110 % of their slot.</summary>
    public int WithinBudget { get; init; }

    public double WithinBudgetShare { get; init; }
    public double MeanFitRatio { get; init; }

    /// <summary>Segments flagged for a person's look (fallback or over budget).</summary>
    public int Flagged { get; init; }

    /// <summary>Segments another engine translated because the first one's window failed.</summary>
    public int FallbackSegments { get; init; }

    /// <summary>Rewording rounds summed over segments.</summary>
    public int RoundsUsed { get; init; }

    /// <summary>The first lines, "seg_0001 SPEAKER_00: source => target".</summary>
    public IReadOnlyList<string> Preview { get; init; } = [];
}
