using DubAgent.Core.Dsp;

namespace DubAgent.Engines.Transcription.Whisper;

/// <summary>
/// Packs speech regions into chunks of at most <c>maxSeconds</c> of speech: each region padded a little (never into its
/// neighbour), regions that then touch joined, the pieces laid end to end. A region longer than a chunk is a chunk of
/// its own (Whisper windows it itself), so no word is cut.
/// </summary>
public static class SpeechChunkPlanner
{
    public static IReadOnlyList<SpeechChunk> Plan(IReadOnlyList<SpeechRegion> regions, double duration, double padSeconds = 0.2, double maxSeconds = 28)
    {
        var sorted = regions.Where(r => r.End > r.Start).OrderBy(r => r.Start).ToList();
        var spans = new List<(double Start, double End)>();
        for (var i = 0; i < sorted.Count; i++)
        {
            var r = sorted[i];
            var start = Math.Max(Math.Max(0, r.Start - padSeconds), i > 0 ? (sorted[i - 1].End + r.Start) / 2 : 0);
            var end = Math.Min(Math.Min(duration, r.End + padSeconds), i < sorted.Count - 1 ? (r.End + sorted[i + 1].Start) / 2 : duration);
            if (end <= start) continue;
            if (spans.Count > 0 && start - spans[^1].End < 1e-6) spans[^1] = (spans[^1].Start, end);
            else spans.Add((start, end));
        }

        var chunks = new List<SpeechChunk>();
        var pieces = new List<ChunkPiece>();
        var length = 0.0;
        foreach (var (start, end) in spans)
        {
            if (pieces.Count > 0 && length + (end - start) > maxSeconds)
            {
                chunks.Add(new SpeechChunk(pieces));
                pieces = [];
                length = 0;
            }
            pieces.Add(new ChunkPiece(start, end, length));
            length += end - start;
        }
        if (pieces.Count > 0) chunks.Add(new SpeechChunk(pieces));
        return chunks;
    }
}
