namespace DubAgent.Engines.Diarization;

/// <summary>
/// Marks overlapping speech where conversations put most of it, at turn changes: when one speaker takes over from
/// another inside continuous speech (no pause between), each block within <see cref="ReachBlocks"/> of the change whose
/// score for the other speaker of the change comes within <see cref="MarginPerFrame"/> of its own speaker's is taken as
/// both talking at once. Blocks far from a change, or that one voice clearly explains, stay one speaker.
/// </summary>
public sealed class OverlapMarker
{
    /// <summary>Blocks either side of a change that may be overlap (2 x 0.25 s).</summary>
    public int ReachBlocks { get; init; } = 2;

    /// <summary>Per-frame log-likelihood margin under which the other speaker of the change counts as present too; 0 marks none.</summary>
    public double MarginPerFrame { get; init; }

    /// <param name="labels">The final speaker of each block.</param>
    /// <param name="scores">Per block, a log-likelihood summed over its frames for each speaker.</param>
    /// <returns>Per block, the second speaker talking at once, or -1.</returns>
    public int[] Mark(IReadOnlyList<SpeechBlock> blocks, IReadOnlyList<int> labels, IReadOnlyList<double[]> scores)
    {
        var second = Enumerable.Repeat(-1, blocks.Count).ToArray();
        if (MarginPerFrame <= 0) return second;
        for (var change = 1; change < blocks.Count; change++)
        {
            if (blocks[change].Span != blocks[change - 1].Span || labels[change] == labels[change - 1]) continue;
            var (before, after) = (labels[change - 1], labels[change]);
            for (var i = Math.Max(0, change - ReachBlocks); i < Math.Min(blocks.Count, change + ReachBlocks); i++)
            {
                if (blocks[i].Span != blocks[change].Span) continue;
                var own = labels[i];
                var other = own == before ? after : own == after ? before : -1;
                if (other < 0 || other >= scores[i].Length) continue;
                var margin = (scores[i][own] - scores[i][other]) / Math.Max(1, blocks[i].Cepstra.Count);
                if (margin < MarginPerFrame) second[i] = other;
            }
        }
        return second;
    }
}
