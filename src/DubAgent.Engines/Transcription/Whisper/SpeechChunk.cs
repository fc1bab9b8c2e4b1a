namespace DubAgent.Engines.Transcription.Whisper;

/// <summary>A stretch of the source audio placed at <paramref name="ChunkStart"/> seconds in a chunk.</summary>
public readonly record struct ChunkPiece(double SourceStart, double SourceEnd, double ChunkStart)
{
    public double Duration => SourceEnd - SourceStart;
}

/// <summary>
/// Speech pieces laid end to end into one buffer for Whisper (its encoder always reads 30 s, so packing short regions
/// costs one pass instead of one per region), with the map from chunk time back to source time.
/// </summary>
public sealed record SpeechChunk(IReadOnlyList<ChunkPiece> Pieces)
{
    public double Duration => Pieces.Count == 0 ? 0 : Pieces[^1].ChunkStart + Pieces[^1].Duration;

    public double SourceStart => Pieces[0].SourceStart;

    /// <summary>The source time of a chunk time (a time past the end maps to the last piece's end).</summary>
    public double ToSource(double chunkSeconds)
    {
        foreach (var piece in Pieces)
        {
            if (chunkSeconds < piece.ChunkStart + piece.Duration)
                return piece.SourceStart + Math.Max(0, chunkSeconds - piece.ChunkStart);
        }
        return Pieces[^1].SourceEnd;
    }

    /// <summary>A chunk span in source time, its end kept in the piece of its start (a word does not stretch over a join).</summary>
    public (double Start, double End) ToSource(double chunkStart, double chunkEnd)
    {
        var start = ToSource(chunkStart);
        var piece = Pieces.FirstOrDefault(p => start >= p.SourceStart && start <= p.SourceEnd, Pieces[^1]);
        return (start, Math.Clamp(start + (chunkEnd - chunkStart), start, piece.SourceEnd));
    }
}
