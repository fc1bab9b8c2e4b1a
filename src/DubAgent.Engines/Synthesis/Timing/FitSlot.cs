namespace DubAgent.Engines.Synthesis;

/// <summary>One line to place: its original slot (seconds) and the natural length of its synthesized clip (0 = silent).</summary>
public sealed record FitSlot(string Id, double Start, double End, double ClipSeconds);

/// <summary>
/// Where a clip goes and how it is fitted. <see cref="WindowEnd"/> is the latest end it may reach without
/// running into the next line (the slot plus the silence after it).
/// </summary>
public sealed record FitDecision(
    string Id,
    double Start,
    double End,
    double WindowEnd,
    double StretchRatio,
    double FittedSeconds,
    double OverflowSeconds,
    double DelaySeconds,
    IReadOnlyList<string> Flags);

/// <summary>The flags a placement may carry, as written into placements.json.</summary>
public static class FitFlags
{
    public const string ZeroLengthSlot = "zero_length_slot";
    public const string OverlapsPrevious = "overlaps_previous";
    public const string Delayed = "delayed";
    public const string UsedGap = "used_gap";
    public const string Stretched = "stretched";
    public const string Overflow = "overflow";
    public const string TruncatedAtEnd = "truncated_at_end";
    public const string Silent = "silent";
    public const string EmptyText = "empty_text";
    public const string Unspeakable = "unspeakable_text";
    public const string TextCleaned = "text_cleaned";
    public const string LongText = "long_text";
}
