using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Dsp;

namespace DubAgent.Engines.Diarization;

/// <summary>One block of a speech span: its time and the statistics of the speech frames inside it.</summary>
public sealed record SpeechBlock(int Span, double Start, double End, SpeechBlockStatistics Statistics);

/// <summary>
/// Streams a 16 kHz mono WAV once, analysing only frames inside speech spans, and cuts each span into blocks of
/// <see cref="BlockSeconds"/> with their MFCC (c1..), delta and pitch statistics.
/// </summary>
public sealed class SpeechBlockExtractor
{
    public double BlockSeconds { get; init; } = 0.25;

    public int Coefficients { get; init; } = 20;

    /// <summary>Feature dimensions per frame: c1..c(n-1) and their deltas.</summary>
    public int Dimensions => 2 * (Coefficients - 1);

    public IReadOnlyList<SpeechBlock> Extract(IAudioReader reader, IReadOnlyList<SpeechRegion> spans,
        IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        if (reader.Format.SampleRate != MfccFrameAnalyzer.SampleRate || reader.Format.Channels != 1)
            throw new MediaException($"Speaker features need 16 kHz mono audio, got {reader.Format.SampleRate} Hz with {reader.Format.Channels} channels.");
        var analyzer = new MfccFrameAnalyzer(Coefficients);
        var mfcc = new float[Coefficients];
        var previous = new float[Coefficients];
        var features = new float[Dimensions];
        var frame = new float[MfccFrameAnalyzer.FrameLength];
        var blocks = new List<SpeechBlock>();
        var totalSpeech = spans.Sum(s => s.Duration);
        var done = 0.0;

        for (var s = 0; s < spans.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var span = spans[s];
            var firstSample = (long)(span.Start * MfccFrameAnalyzer.SampleRate);
            var lastSample = Math.Min(reader.FrameCount, (long)(span.End * MfccFrameAnalyzer.SampleRate));
            var length = (int)Math.Max(0, lastSample - firstSample);
            if (length < MfccFrameAnalyzer.FrameLength) continue;
            // A span is at most a few minutes of speech; read it in pieces to keep memory flat on monologues.
            var blockCount = Math.Max(1, (int)Math.Ceiling(span.Duration / BlockSeconds));
            var spanBlocks = new SpeechBlockStatistics[blockCount];
            for (var b = 0; b < blockCount; b++) spanBlocks[b] = new SpeechBlockStatistics(Dimensions);

            var window = new SlidingSamples(reader, firstSample, length);
            var hasPrevious = false;
            for (long offset = 0; offset + MfccFrameAnalyzer.FrameLength <= length; offset += MfccFrameAnalyzer.Hop)
            {
                window.Copy(offset, frame);
                var pitch = analyzer.Analyze(frame, mfcc);
                for (var c = 1; c < Coefficients; c++)
                {
                    features[c - 1] = mfcc[c];
                    features[Coefficients - 1 + c - 1] = hasPrevious ? mfcc[c] - previous[c] : 0;
                }
                (previous, mfcc) = (mfcc, previous);
                hasPrevious = true;
                var centre = (offset + MfccFrameAnalyzer.FrameLength / 2.0) / MfccFrameAnalyzer.SampleRate;
                var index = Math.Min(blockCount - 1, (int)(centre / BlockSeconds));
                spanBlocks[index].Add(features, pitch);
            }
            for (var b = 0; b < blockCount; b++)
            {
                var start = span.Start + b * BlockSeconds;
                blocks.Add(new SpeechBlock(s, start, Math.Min(span.End, start + BlockSeconds), spanBlocks[b]));
            }
            done += span.Duration;
            progress?.Report(ProgressUpdate.Of(done, totalSpeech, "speaker features"));
        }
        return blocks;
    }

    /// <summary>Reads a span's samples forward in chunks, keeping only what the current frame still needs.</summary>
    private sealed class SlidingSamples(IAudioReader reader, long firstSample, int length)
    {
        private const int Chunk = 16_000 * 10;
        private float[] _buffer = [];
        private long _bufferStart = -1;

        public void Copy(long offset, Span<float> frame)
        {
            if (_bufferStart < 0 || offset + frame.Length > _bufferStart + _buffer.Length)
            {
                var count = (int)Math.Min(Chunk + frame.Length, length - offset);
                if (_buffer.Length != count) _buffer = new float[count];
                reader.Seek(firstSample + offset);
                var read = reader.Read(_buffer);
                _buffer.AsSpan(read).Clear();
                _bufferStart = offset;
            }
            _buffer.AsSpan((int)(offset - _bufferStart), frame.Length).CopyTo(frame);
        }
    }
}
