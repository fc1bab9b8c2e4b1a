using DubAgent.Abstractions;
using DubAgent.Abstractions.Media;

namespace DubAgent.Core.Media;

/// <summary>The media layer behind <see cref="IMediaToolkit"/>.</summary>
public sealed class MediaToolkit(MediaProbe probe, AudioExtractor extractor) : IMediaToolkit
{
    public Task<MediaInfo> ProbeAsync(string path, CancellationToken cancellationToken) => probe.ProbeAsync(path, cancellationToken);

    public Task ExtractAudioAsync(string inputPath, string outputWavPath, int? sampleRate, int? channels, SampleEncoding encoding,
        IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken) =>
        extractor.ExtractAsync(inputPath, outputWavPath, sampleRate, channels, encoding, progress, cancellationToken);

    public IAudioReader OpenWav(string path) => new WavReader(path);

    public IAudioWriter CreateWav(string path, AudioFormat format) => new WavWriter(path, format);
}
