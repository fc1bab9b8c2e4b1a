using DubAgent.Abstractions;
using DubAgent.Abstractions.Media;

namespace DubAgent.Engines.Diarization;

/// <summary>One embedded stretch of a segment.</summary>
public sealed record EmbeddedWindow(int Segment, double Start, double End, float[] Embedding)
{
    public double Centre => (Start + End) / 2;
}

/// <summary>
/// Embeds every segment of one speaker: whole when it is at most <see cref="WindowSeconds"/> long, else in windows of
/// that length overlapping by half (the last one ending with the segment). Each window's Kaldi filterbank, mean
/// subtracted over the window, goes through the model.
/// </summary>
public sealed class WindowEmbedder(SpeakerEmbeddingModel model)
{
    /// <summary>Windows with fewer frames say too little about a voice (a quarter of a second).</summary>
    private const int MinFrames = 25;

    public double WindowSeconds { get; init; } = 3;

    public IReadOnlyList<EmbeddedWindow> Embed(SegmentedSpeech speech, IAudioReader reader, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        var fbank = new KaldiFbank(model.FeatureBins);
        var windows = new List<EmbeddedWindow>();
        for (var s = 0; s < speech.Segments.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var segment = speech.Segments[s];
            var start = speech.Blocks[segment.Start].Start;
            var end = speech.Blocks[segment.End - 1].End;
            foreach (var (from, to) in Windows(start, end))
            {
                var samples = Read(reader, from, to);
                var frames = KaldiFbank.FrameCount(samples.Length);
                if (frames < MinFrames) continue;
                var features = fbank.Compute(samples);
                KaldiFbank.SubtractMean(features, fbank.Bins);
                windows.Add(new EmbeddedWindow(s, from, to, model.Embed(features, frames)));
            }
            progress?.Report(ProgressUpdate.Of(s + 1, speech.Segments.Count, "speaker embeddings"));
        }
        return windows;
    }

    private IEnumerable<(double From, double To)> Windows(double start, double end)
    {
        if (end - start <= WindowSeconds)
        {
            yield return (start, end);
            yield break;
        }
        var hop = WindowSeconds / 2;
        var from = start;
        for (; from + WindowSeconds < end; from += hop) yield return (from, from + WindowSeconds);
        yield return (end - WindowSeconds, end);
    }

    private static float[] Read(IAudioReader reader, double from, double to)
    {
        var rate = reader.Format.SampleRate;
        var first = Math.Max(0, (long)(from * rate));
        var count = (int)Math.Max(0, Math.Min(reader.FrameCount, (long)(to * rate)) - first);
        var samples = new float[count];
        reader.Seek(first);
        var read = reader.Read(samples);
        return read == count ? samples : samples[..read];
    }
}
