namespace DubAgent.Engines.Diarization;

/// <summary>A run of consecutive blocks [Start, End) inside one speech span, taken to hold one speaker.</summary>
public readonly record struct BlockRange(int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>
/// Cuts speech spans where the voice changes, so one span can hold two speakers: at every block boundary the frames of
/// the window before and the window after are compared (<see cref="BicDistance"/>); the highest peaks above
/// <see cref="Threshold"/>, at least <see cref="MinSegmentBlocks"/> apart, become cuts.
/// </summary>
public sealed class SpeakerChangeDetector
{
    /// <summary>Blocks either side of a candidate cut (8 x 0.25 s = 2 s: long enough for a voice, short enough for quick turns).</summary>
    public int WindowBlocks { get; init; } = 8;

    /// <summary>The shortest piece a cut may leave (4 x 0.25 s = 1 s).</summary>
    public int MinSegmentBlocks { get; init; } = 4;

    /// <summary>BIC distance a boundary must exceed to be a change.</summary>
    public double Threshold { get; init; } = 1.0;

    public IReadOnlyList<BlockRange> Segment(IReadOnlyList<SpeechBlock> blocks, BicDistance distance)
    {
        var segments = new List<BlockRange>();
        var start = 0;
        while (start < blocks.Count)
        {
            var end = start;
            while (end < blocks.Count && blocks[end].Span == blocks[start].Span) end++;
            segments.AddRange(Cut(blocks, start, end, distance));
            start = end;
        }
        return segments;
    }

    private IEnumerable<BlockRange> Cut(IReadOnlyList<SpeechBlock> blocks, int start, int end, BicDistance distance)
    {
        var scores = new List<(int Boundary, double Score)>();
        for (var b = start + MinSegmentBlocks; b <= end - MinSegmentBlocks; b++)
        {
            var left = Sum(blocks, Math.Max(start, b - WindowBlocks), b);
            var right = Sum(blocks, b, Math.Min(end, b + WindowBlocks));
            if (left.Count < 2 * left.Dimensions || right.Count < 2 * right.Dimensions) continue;
            var score = distance.Between(left, right);
            if (score > Threshold) scores.Add((b, score));
        }
        var cuts = new List<int>();
        foreach (var (boundary, _) in scores.OrderByDescending(s => s.Score))
            if (cuts.All(c => Math.Abs(c - boundary) >= MinSegmentBlocks)) cuts.Add(boundary);
        cuts.Sort();
        var from = start;
        foreach (var cut in cuts)
        {
            yield return new BlockRange(from, cut);
            from = cut;
        }
        yield return new BlockRange(from, end);
    }

    public static GaussianStatistics Sum(IReadOnlyList<SpeechBlock> blocks, int start, int end)
    {
        var sum = new GaussianStatistics(blocks[start].Cepstra.Dimensions);
        for (var i = start; i < end; i++) sum.Add(blocks[i].Cepstra);
        return sum;
    }
}
