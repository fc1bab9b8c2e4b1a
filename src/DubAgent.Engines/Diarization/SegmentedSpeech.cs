using DubAgent.Core.Dsp;

namespace DubAgent.Engines.Diarization;

/// <summary>
/// What both built-in diarizers work on: the 16 kHz mono copy, its speech regions, their 0.25 s blocks with cepstral
/// statistics, and the regions cut where the voice changes (segments of one speaker each).
/// </summary>
public sealed record SegmentedSpeech(
    string WavPath,
    IReadOnlyList<SpeechRegion> Regions,
    IReadOnlyList<SpeechBlock> Blocks,
    IReadOnlyList<BlockRange> Segments,
    BicDistance Distance)
{
    /// <summary>The block index of each segment's blocks, as a label per block (-1 for blocks in no listed segment).</summary>
    public int[] LabelsFrom(IReadOnlyList<BlockRange> segments, IReadOnlyList<int> segmentLabels)
    {
        var labels = Enumerable.Repeat(-1, Blocks.Count).ToArray();
        for (var s = 0; s < segments.Count; s++)
            for (var b = segments[s].Start; b < segments[s].End; b++) labels[b] = segmentLabels[s];
        return labels;
    }
}
