namespace DubAgent.Abstractions.Media;

/// <summary>The media layer (ffmpeg, ffprobe, WAV) as plugins and engines see it.</summary>
public interface IMediaToolkit
{
    /// <summary>Probes a file; MediaException (or InputException for a missing file) when it is not media.</summary>
    Task<MediaInfo> ProbeAsync(string path, CancellationToken cancellationToken);

    /// <summary>Decodes the first audio stream of any media file to a WAV with the given layout (null keeps the source's).</summary>
    Task ExtractAudioAsync(string inputPath, string outputWavPath, int? sampleRate, int? channels, SampleEncoding encoding,
        IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken);

    IAudioReader OpenWav(string path);

    IAudioWriter CreateWav(string path, AudioFormat format);
}
