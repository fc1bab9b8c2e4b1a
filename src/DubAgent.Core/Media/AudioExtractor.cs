using System.Globalization;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;

namespace DubAgent.Core.Media;

/// <summary>Decodes the first audio stream of a media file to WAV with a chosen layout.</summary>
public sealed class AudioExtractor(Ffmpeg ffmpeg, MediaProbe probe)
{
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
        await AtomicFile.WriteAsync(outputWavPath, async temporary =>
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
        }).ConfigureAwait(false);
        return info;
    }
}
