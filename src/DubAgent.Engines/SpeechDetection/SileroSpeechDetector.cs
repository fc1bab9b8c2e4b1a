using DubAgent.Abstractions.Errors;
using DubAgent.Core.Media;
using Microsoft.ML.OnnxRuntime;

namespace DubAgent.Engines.SpeechDetection;

/// <summary>
/// Silero VAD (a small neural network trained on speech against music, noise and silence): a probability per 32 ms
/// window, made into regions by <see cref="SpeechProbabilitySegmenter"/>. Reads the WAV a few seconds at a time, so
/// memory stays flat on a film (only the probabilities, 31 a second, are kept).
/// </summary>
public sealed class SileroSpeechDetector(InferenceSession session, SileroVadSettings settings) : ISpeechDetector
{
    public const string Name = "silero-vad";

    /// <summary>Windows read per block: about 4 s, also how often progress and cancellation are looked at.</summary>
    private const int WindowsPerBlock = 128;

    public Task<DetectedSpeech> DetectAsync(string wavPath, IProgress<double>? progress, CancellationToken cancellationToken) =>
        Task.Run(() => Detect(wavPath, progress, cancellationToken), cancellationToken);

    public DetectedSpeech Detect(string wavPath, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        using var reader = new WavReader(wavPath);
        if (reader.Format.SampleRate != SileroVadStream.SampleRate)
            throw new InputException($"Speech detection needs 16 kHz audio, but '{wavPath}' is {reader.Format.SampleRate} Hz.",
                "Decode it to 16 kHz mono first (Mono16kExtractor does).");
        var channels = reader.Format.Channels;
        var blockFrames = WindowsPerBlock * SileroVadStream.WindowSamples;
        var interleaved = new float[blockFrames * channels];
        var mono = new float[blockFrames];
        var probabilities = new List<float>((int)Math.Min(int.MaxValue, reader.FrameCount / SileroVadStream.WindowSamples + 1));
        using var stream = new SileroVadStream(session);
        long done = 0;
        int read;
        while ((read = reader.Read(interleaved)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Downmix(interleaved, channels, mono, read);
            for (var offset = 0; offset < read; offset += SileroVadStream.WindowSamples)
                probabilities.Add(stream.Next(mono.AsSpan(offset, Math.Min(SileroVadStream.WindowSamples, read - offset))));
            done += read;
            progress?.Report(reader.FrameCount == 0 ? 1 : (double)done / reader.FrameCount);
        }
        var regions = SpeechProbabilitySegmenter.Segment(probabilities, SileroVadStream.WindowSamples, reader.FrameCount, SileroVadStream.SampleRate, settings);
        return new DetectedSpeech(RegionFrames.ToActivity(regions, reader.Duration), Name);
    }

    private static void Downmix(float[] interleaved, int channels, float[] mono, int frames)
    {
        if (channels == 1)
        {
            interleaved.AsSpan(0, frames).CopyTo(mono);
            return;
        }
        for (var i = 0; i < frames; i++)
        {
            float sum = 0;
            for (var c = 0; c < channels; c++) sum += interleaved[i * channels + c];
            mono[i] = sum / channels;
        }
    }
}
