using Whisper.net;

namespace DubAgent.Engines.Transcription.Whisper;

/// <summary>One chunk through one Whisper processor: its segments and words, mapped back from chunk time to source time.</summary>
public static class WhisperChunkDecoder
{
    public static async Task<IReadOnlyList<DecodedSegment>> DecodeAsync(WhisperProcessor processor, float[] samples, SpeechChunk chunk,
        CancellationToken cancellationToken)
    {
        var segments = new List<DecodedSegment>();
        await foreach (var segment in processor.ProcessAsync(samples, cancellationToken).ConfigureAwait(false))
        {
            var start = segment.Start.TotalSeconds;
            var end = Math.Max(start, segment.End.TotalSeconds);
            var tokens = (segment.Tokens ?? []).Select(t => new WhisperTokenPiece(t.Text ?? "", t.Start, t.End, t.Probability));
            var words = WhisperTokenWords.From(tokens, segment.Text ?? "", start, end)?
                .Select(w =>
                {
                    var (from, to) = chunk.ToSource(w.Start, w.End);
                    return w with { Start = from, End = to };
                })
                .ToList();
            var confidence = words is { Count: > 0 } ? words.Average(w => w.Probability) : segment.Probability;
            segments.Add(new DecodedSegment(chunk.ToSource(start), Math.Max(chunk.ToSource(start), chunk.ToSource(end)),
                (segment.Text ?? "").Trim(), Math.Clamp(confidence, 0, 1), segment.NoSpeechProbability, words));
        }
        return segments;
    }
}
