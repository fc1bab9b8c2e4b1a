using DubAgent.Abstractions;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Processes;

namespace DubAgent.Core.Media;

/// <summary>The media layer behind <see cref="IMediaToolkit"/>.</summary>
public sealed class MediaToolkit(MediaProbe probe, AudioExtractor extractor, Ffmpeg ffmpeg, Muxer muxer, LoudnessMeter meter) : IMediaToolkit
{
    /// <summary>The whole media layer over one process runner, as the host wires it (for tests and tools used outside a host).</summary>
    public static MediaToolkit Over(IProcessRunner runner, FileContentHashes? hashes = null)
    {
        var ffmpeg = new Ffmpeg(runner);
        var probe = new MediaProbe(runner, hashes);
        return new MediaToolkit(probe, new AudioExtractor(ffmpeg, probe), ffmpeg, new Muxer(ffmpeg, probe), new LoudnessMeter(ffmpeg));
    }

    public Task<MediaInfo> ProbeAsync(string path, CancellationToken cancellationToken) => probe.ProbeAsync(path, cancellationToken);

    public Task ExtractAudioAsync(string inputPath, string outputWavPath, int? sampleRate, int? channels, SampleEncoding encoding,
        IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken) =>
        extractor.ExtractAsync(inputPath, outputWavPath, sampleRate, channels, encoding, progress, cancellationToken);

    public IAudioReader OpenWav(string path) => new WavReader(path);

    public IAudioWriter CreateWav(string path, AudioFormat format) => new WavWriter(path, format);

    public Task<LoudnessMeasurement> MeasureLoudnessAsync(string path, CancellationToken cancellationToken) =>
        meter.MeasureAsync(path, cancellationToken);

    public Task RunFfmpegAsync(IReadOnlyList<string> arguments, double expectedSeconds, IProgress<ProgressUpdate>? progress, string what,
        CancellationToken cancellationToken) =>
        ffmpeg.RunAsync(arguments, expectedSeconds, progress, what, cancellationToken);

    public Task WriteVideoAsync(MediaInfo video, IReadOnlyList<AudioTrack> tracks, string path, string audioBitrate,
        IReadOnlyList<(string Path, string? Language)>? subtitles, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken) =>
        muxer.WriteVideoAsync(video, tracks, path, audioBitrate, subtitles, progress, cancellationToken);

    public Task WriteAudioOnlyAsync(IReadOnlyList<AudioTrack> tracks, string path, double durationSeconds, string audioBitrate,
        IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken) =>
        muxer.WriteAudioOnlyAsync(tracks, path, durationSeconds, audioBitrate, progress, cancellationToken);
}
