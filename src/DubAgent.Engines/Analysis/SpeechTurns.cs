using DubAgent.Core.Dsp;

namespace DubAgent.Engines.Analysis;

/// <summary>
/// How the speech comes: in how many turns (stretches of speech, pauses under <see cref="JoinSeconds"/> inside one),
/// how long the pauses between turns are, and what share of the time lies in long stretches without any speech.
/// Talk, interviews, lectures and audiobooks flow turn after turn; films leave long stretches to music and action.
/// </summary>
public sealed record SpeechTurns(int Count, double PerMinute, double MedianPauseSeconds, double LongGapRatio)
{
    /// <summary>Pauses shorter than this (a breath, a comma) stay inside one turn.</summary>
    public const double JoinSeconds = 0.3;

    /// <summary>A stretch without speech at least this long counts as a long gap.</summary>
    public const double LongGapSeconds = 4.0;

    public static SpeechTurns Of(VoiceActivity speech)
    {
        var duration = speech.DurationSeconds;
        var turns = new List<SpeechRegion>();
        foreach (var region in speech.Regions)
        {
            if (turns.Count > 0 && region.Start - turns[^1].End < JoinSeconds) turns[^1] = turns[^1] with { End = region.End };
            else turns.Add(region);
        }
        var pauses = turns.Zip(turns.Skip(1), (a, b) => b.Start - a.End).Order().ToList();
        // Gaps: before the first turn, between turns, after the last (the whole file when nobody speaks).
        var gaps = new List<double>(pauses);
        gaps.Add(turns.Count == 0 ? duration : turns[0].Start);
        if (turns.Count > 0) gaps.Add(duration - turns[^1].End);
        var longGaps = gaps.Where(g => g >= LongGapSeconds).Sum();
        return new SpeechTurns(turns.Count, duration > 0 ? turns.Count / (duration / 60) : 0,
            pauses.Count == 0 ? 0 : pauses[pauses.Count / 2], duration > 0 ? Math.Min(1, longGaps / duration) : 0);
    }
}
