namespace DubAgent.Abstractions.Domain;

/// <summary>`translation.json`: the transcript's segments, same ids, times and speakers, with target text and timing fit.</summary>
public sealed record Translation
{
    public string SourceLanguage { get; init; } = "";
    public string TargetLanguage { get; init; } = "";
    public int NumSpeakers { get; init; }
    public double TotalDuration { get; init; }

    /// <summary>The engine that produced most segments; per-segment fallbacks are flagged on the segment.</summary>
    public string Engine { get; init; } = "";

    public IReadOnlyList<TranslatedSegment> Segments { get; init; } = [];

    /// <summary>The speakers' profiles the translator kept to (tone, register, form of address), for a reviewer.</summary>
    public IReadOnlyList<SpeakerProfile>? Profiles { get; init; }

    /// <summary>Source term -> the translation used every time, as given to the run.</summary>
    public IReadOnlyDictionary<string, string>? Glossary { get; init; }

    /// <summary>Names kept exactly as written, as given to the run.</summary>
    public IReadOnlyList<string>? DoNotTranslate { get; init; }
}

public sealed record TranslatedSegment
{
    public string Id { get; init; } = "";
    public string? Speaker { get; init; }
    public double Start { get; init; }
    public double End { get; init; }

    /// <summary>The source line.</summary>
    public string Text { get; init; } = "";

    public string TargetText { get; init; } = "";

    /// <summary>The slot's length in seconds (end - start).</summary>
    public double BudgetSeconds { get; init; }

    /// <summary>Syllables the slot holds at the target language's typical speaking rate.</summary>
    public double BudgetSyllables { get; init; }

    /// <summary>Estimated spoken duration of the target line, in seconds.</summary>
    public double EstimatedSeconds { get; init; }

    /// <summary>Estimated / budget: 1.0 fills the slot exactly, above 1 overflows.</summary>
    public double FitRatio { get; init; }

    /// <summary>A short tone tag (neutral, angry, tender, ...).</summary>
    public string? Tone { get; init; }

    /// <summary>How many rewording rounds the fit check used.</summary>
    public int Rounds { get; init; }

    /// <summary>Which engine produced this line (differs from the document's when a window fell back).</summary>
    public string? Engine { get; init; }

    /// <summary>Set when the line needs a person's look: a fallback, or still over budget.</summary>
    public string? Flag { get; init; }

    /// <summary>The pairs this line went through, in order ("eng-spa > es-fr" for a pivot through Spanish), when known.</summary>
    public string? Chain { get; init; }

    /// <summary>What a reviewer should know about the line (words the engine left untranslated, ...).</summary>
    public IReadOnlyList<string>? Notes { get; init; }
}
