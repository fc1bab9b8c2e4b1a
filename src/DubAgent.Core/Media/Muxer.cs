using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Core.Media;

/// <summary>One audio track to put into a video.</summary>
/// <param name="Path">Any audio file ffmpeg reads.</param>
/// <param name="Language">ISO 639-2 or 639-1 code for the track's language tag.</param>
/// <param name="Title">Track title shown by players.</param>
public sealed record AudioTrack(string Path, string? Language, string? Title = null);

/// <summary>Copies the video stream of a source untouched and adds new AAC audio tracks with language tags.</summary>
public sealed class Muxer(Ffmpeg ffmpeg, MediaProbe probe)
{
    public async Task MuxAsync(string videoPath, IReadOnlyList<AudioTrack> tracks, string outputPath, IProgress<ProgressUpdate>? progress,
        CancellationToken cancellationToken, string audioBitrate = "192k", IReadOnlyList<(string Path, string? Language)>? subtitles = null)
    {
        if (tracks.Count == 0) throw new InputException("No audio track to add.", "Give at least one audio file.");
        var info = await probe.ProbeAsync(videoPath, cancellationToken).ConfigureAwait(false);
        if (info.FirstVideo is null)
            throw new InputException($"'{videoPath}' has no video stream.", "Give a video file, or export audio only.");
        foreach (var track in tracks) InputFiles.RequireFile(track.Path, "audio track");

        await AtomicFile.WriteAsync(outputPath, async temporary =>
        {
            var args = new List<string> { "-i", info.Path };
            foreach (var track in tracks) args.AddRange(["-i", track.Path]);
            var subs = subtitles ?? [];
            foreach (var sub in subs) args.AddRange(["-i", sub.Path]);
            args.AddRange(["-map", "0:v:0"]);
            for (var i = 0; i < tracks.Count; i++) args.AddRange(["-map", $"{i + 1}:a:0"]);
            for (var i = 0; i < subs.Count; i++) args.AddRange(["-map", $"{tracks.Count + 1 + i}:0"]);
            // apad + -t below: a short track is padded with silence and a long one cut, so every track ends with the video.
            args.AddRange(["-c:v", "copy", "-c:a", "aac", "-b:a", audioBitrate, "-filter:a", "apad"]);
            if (subs.Count > 0) args.AddRange(["-c:s", "mov_text"]);
            for (var i = 0; i < tracks.Count; i++)
            {
                if (tracks[i].Language is { } lang) args.AddRange([$"-metadata:s:a:{i}", $"language={LanguageCodes.ToIso6392(lang)}"]);
                if (tracks[i].Title is { } title) args.AddRange([$"-metadata:s:a:{i}", $"title={title}"]);
                args.AddRange([$"-disposition:a:{i}", i == 0 ? "default" : "0"]);
            }
            for (var i = 0; i < subs.Count; i++)
                if (subs[i].Language is { } lang) args.AddRange([$"-metadata:s:s:{i}", $"language={LanguageCodes.ToIso6392(lang)}"]);
            // The video decides the length: audio is padded or cut to it, so the two end within one frame.
            args.AddRange(["-t", info.Duration.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture)]);
            args.AddRange(["-movflags", "+faststart", temporary]);
            await ffmpeg.RunAsync(args, info.Duration, progress, "mux the dubbed video", cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }
}
