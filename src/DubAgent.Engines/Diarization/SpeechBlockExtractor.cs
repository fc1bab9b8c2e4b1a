using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Dsp;

namespace DubAgent.Engines.Diarization;

/// <summary>One block of a speech span: its time and the Gaussian statistics of its frames' cepstra c1...</summary>
public sealed record SpeechBlock(int Span, double Start, double End, GaussianStatistics Cepstra);

/// <summary>
/// Streams a 16 kHz mono WAV once, analysing only frames inside speech spans, and cuts each span into blocks of
/// <see cref="BlockSeconds"/> with the statistics of their MFCCs c1.. (c0, the loudness, says nothing of the voice).
/// </summary>
public sealed class SpeechBlockExtractor
{
    public double BlockSeconds { get; init; } = 0.25;

    public int Coefficients { get; init; } = 20;

    public IReadOnlyList<SpeechBlock> Extract(IAudioReader reader, IReadOnlyList<SpeechRegion> spans,
        IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        if (reader.Format.SampleRate != MfccFrameAnalyzer.SampleRate || reader.Format.Channels != 1)
            throw new MediaException($"Speaker features need 16 kHz mono audio, got {reader.Format.SampleRate} Hz with {reader.Format.Channels} channels.");
        var analyzer = new MfccFrameAnalyzer(Coefficients);
        var mfcc = new float[Coefficients];
        var frame = new float[MfccFrameAnalyzer.FrameLength];
        var blocks = new List<SpeechBlock>();
        var totalSpeech = spans.Sum(s => s.Duration);
        var done = 0.0;

        for (var s = 0; s < spans.Count; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var span = spans[s];
            var samples = new SpanSamples(reader, span);
            if (samples.Length < MfccFrameAnalyzer.FrameLength) continue;
            var blockCount = Math.Max(1, (int)Math.Ceiling(span.Duration / BlockSeconds));
            var cepstra = new GaussianStatistics[blockCount];
            for (var b = 0; b < blockCount; b++) cepstra[b] = new GaussianStatistics(Coefficients - 1);

            for (long offset = 0; offset + MfccFrameAnalyzer.FrameLength <= samples.Length; offset += MfccFrameAnalyzer.Hop)
            {
                samples.Copy(offset, frame);
                analyzer.Analyze(frame, mfcc);
                var centre = (offset + MfccFrameAnalyzer.FrameLength / 2.0) / MfccFrameAnalyzer.SampleRate;
                cepstra[Math.Min(blockCount - 1, (int)(centre / BlockSeconds))].Add(mfcc.AsSpan(1));
            }
            for (var b = 0; b < blockCount; b++)
            {
                var start = span.Start + b * BlockSeconds;
                blocks.Add(new SpeechBlock(s, start, Math.Min(span.End, start + BlockSeconds), cepstra[b]));
            }
            done += span.Duration;
            progress?.Report(ProgressUpdate.Of(done, totalSpeech, "speaker features"));
        }
        return blocks;
    }
}
