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

    /// <summary>EBU R128 loudness of the first audio stream of any media file.</summary>
    Task<LoudnessMeasurement> MeasureLoudnessAsync(string path, CancellationToken cancellationToken);

    /// <summary>
    /// Runs ffmpeg with inputs, filters and output (arguments as an array, never a shell line), for a filter graph no
    /// other member expresses. <paramref name="expectedSeconds"/> is the output's length, turning ffmpeg's clock into
    /// progress; a failure is a MediaException carrying ffmpeg's own message.
    /// </summary>
    Task RunFfmpegAsync(IReadOnlyList<string> arguments, double expectedSeconds, IProgress<ProgressUpdate>? progress, string what,
        CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="video"/>'s video stream untouched with <paramref name="tracks"/> as AAC (and subtitle
    /// streams) straight to <paramref name="path"/>, for a caller that checks the file before renaming it.
    /// </summary>
    Task WriteVideoAsync(MediaInfo video, IReadOnlyList<AudioTrack> tracks, string path, string audioBitrate,
        IReadOnlyList<(string Path, string? Language)>? subtitles, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken);

    /// <summary>For a source with no video: the tracks alone in an .m4a of <paramref name="durationSeconds"/>, written straight to <paramref name="path"/>.</summary>
    Task WriteAudioOnlyAsync(IReadOnlyList<AudioTrack> tracks, string path, double durationSeconds, string audioBitrate,
        IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken);
}
