using System.Globalization;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;

namespace DubAgent.Core.Media;

/// <summary>
/// Decodes the first audio stream of a media file to WAV with a chosen layout. A content already decoded to that layout
/// in this process is copied from the earlier WAV instead of decoded again (e.g. the vocals at 16 kHz mono, which
/// transcription and diarization both need).
/// </summary>
/// <remarks>
/// ffmpeg runs through our <see cref="Ffmpeg"/> runner rather than FFMpegCore's FFMpegArguments processor: that one
/// joins the arguments into a single command-line string and starts ffmpeg where our process runner cannot see it
/// (stderr tail for errors, timeout, the per-run process count); its progress and cancellation would be the same.
/// </remarks>
public sealed class AudioExtractor(Ffmpeg ffmpeg, MediaProbe probe)
{
    private readonly ContentKeyedWork<DecodedWav> _decoded = new();

    public async Task<MediaInfo> ExtractAsync(string inputPath, string outputWavPath, int? sampleRate, int? channels,
        SampleEncoding encoding, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        var info = await probe.ProbeAsync(inputPath, cancellationToken).ConfigureAwait(false);
        if (info.FirstAudio is null)
            throw new InputException($"'{inputPath}' has no audio stream.", "Give a video or audio file that has a soundtrack.");
        if (sampleRate is <= 0 or > 384_000) throw new InputException($"Sample rate {sampleRate} is out of range.", "Use 8000 to 384000 Hz.");
        if (channels is < 1 or > 8) throw new InputException($"Channel count {channels} is out of range.", "Use 1 to 8 channels.");

        var codec = encoding switch
        {
            SampleEncoding.Pcm16 => "pcm_s16le",
            SampleEncoding.Pcm24 => "pcm_s24le",
            _ => "pcm_f32le",
        };
        var key = $"{await probe.Hashes.HashAsync(info.Path, cancellationToken).ConfigureAwait(false)}|{sampleRate}|{channels}|{codec}";
        var output = Path.GetFullPath(outputWavPath);
        var earlier = await _decoded.GetOrRunAsync(key, async token =>
        {
            await DecodeAsync(info, output, codec, sampleRate, channels, progress, token).ConfigureAwait(false);
            return DecodedWav.Of(output);
        }, cancellationToken).ConfigureAwait(false);
        if (!earlier.IsUnchanged())
        {
            // The earlier WAV was changed or removed since: decode again and remember this one.
            _decoded.Forget(key);
            return await ExtractAsync(inputPath, outputWavPath, sampleRate, channels, encoding, progress, cancellationToken).ConfigureAwait(false);
        }
        if (earlier.Path == output) return info;
        await AtomicFile.WriteAsync(output, temporary => Task.Run(() => File.Copy(earlier.Path, temporary, overwrite: true), cancellationToken))
            .ConfigureAwait(false);
        progress?.Report(new ProgressUpdate(1, "extract audio"));
        return info;
    }

    private Task DecodeAsync(MediaInfo info, string outputWavPath, string codec, int? sampleRate, int? channels,
        IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(outputWavPath, async temporary =>
        {
            var args = new List<string> { "-i", info.Path, "-map", "0:a:0", "-vn", "-sn", "-dn", "-map_metadata", "-1", "-c:a", codec };
            if (sampleRate is { } rate) args.AddRange(["-ar", rate.ToString(CultureInfo.InvariantCulture)]);
            if (channels is { } ch) args.AddRange(["-ac", ch.ToString(CultureInfo.InvariantCulture)]);
            // AAC decodes to whole 1024-sample frames, past the length the container states; trimming to the stream's
            // duration makes the WAV sample-exact, so later stages line up with the video.
            if (info.FirstAudio?.Duration is > 0 and var streamSeconds)
                args.AddRange(["-t", streamSeconds.ToString("0.######", CultureInfo.InvariantCulture)]);
            args.AddRange(["-f", "wav", temporary]);
            await ffmpeg.RunAsync(args, info.Duration, progress, "extract audio", cancellationToken).ConfigureAwait(false);
        });

    /// <summary>A WAV this process decoded, with the size and time it had then (so a changed file is not reused).</summary>
    private sealed record DecodedWav(string Path, long Size, long Modified)
    {
        public static DecodedWav Of(string path)
        {
            var file = new FileInfo(path);
            return new DecodedWav(file.FullName, file.Length, file.LastWriteTimeUtc.Ticks);
        }

        public bool IsUnchanged()
        {
            var file = new FileInfo(Path);
            return file.Exists && file.Length == Size && file.LastWriteTimeUtc.Ticks == Modified;
        }
    }
}
