using DubAgent.Abstractions.Domain;

namespace DubAgent.Engines.Diarization;

/// <summary>
/// The last clean-up of block labels and turns, as annotators mark speech: a speaker run shorter than
/// <see cref="MinRunBlocks"/> inside continuous speech (a region-edge block whose breath or fade fits the other voice
/// better) goes to the speaker it touches, and one speaker's turns separated by a pause shorter than
/// <see cref="BridgeSeconds"/> (a comma, a breath) become one turn.
/// </summary>
public sealed class TurnSmoother
{
    /// <summary>Runs of fewer blocks than this (2 x 0.25 s) that touch another speaker in the same span are that speaker's.</summary>
    public int MinRunBlocks { get; init; } = 2;

    /// <summary>
    /// Pauses inside one speaker's talk shorter than this are bridged. Reference annotations (NIST RT's 0.3 s rule, transcript
    /// lines) do not break a turn at a breath; the speech detector does.
    /// </summary>
    public double BridgeSeconds { get; init; } = 0.3;

    public int[] SmoothRuns(IReadOnlyList<SpeechBlock> blocks, int[] labels)
    {
        var result = labels.ToArray();
        var start = 0;
        while (start < result.Length)
        {
            var end = start;
            while (end < result.Length && result[end] == result[start] && blocks[end].Span == blocks[start].Span) end++;
            if (end - start < MinRunBlocks)
            {
                var before = start > 0 && blocks[start - 1].Span == blocks[start].Span ? result[start - 1] : -1;
                var after = end < result.Length && blocks[end].Span == blocks[start].Span ? result[end] : -1;
                var neighbour = before >= 0 ? before : after;
                if (neighbour >= 0)
                    for (var i = start; i < end; i++) result[i] = neighbour;
            }
            start = end;
        }
        return result;
    }

    /// <summary>Joins consecutive turns of one speaker across a short pause (turns in time order, one speaker at a time).</summary>
    public IReadOnlyList<SpeakerTurn> Bridge(IReadOnlyList<SpeakerTurn> turns)
    {
        var result = new List<SpeakerTurn>();
        foreach (var turn in turns)
        {
            if (result.Count > 0 && result[^1].Speaker == turn.Speaker && turn.Start - result[^1].End < BridgeSeconds)
                result[^1] = result[^1] with { End = Math.Max(result[^1].End, turn.End) };
            else
                result.Add(turn);
        }
        return result;
    }
}
