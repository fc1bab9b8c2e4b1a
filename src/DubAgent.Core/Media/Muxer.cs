using System.Globalization;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;

namespace DubAgent.Core.Media;

/// <summary>Copies the video stream of a source untouched and adds new AAC audio tracks with language tags.</summary>
public sealed class Muxer(Ffmpeg ffmpeg, MediaProbe probe)
{
    private const string FailureHint = "ffmpeg's own message says what went wrong; check the video and the audio tracks it names.";

    /// <summary>Muxes into <paramref name="outputPath"/> under a temporary name, renamed into place when complete.</summary>
    public async Task MuxAsync(string videoPath, IReadOnlyList<AudioTrack> tracks, string outputPath, IProgress<ProgressUpdate>? progress,
        CancellationToken cancellationToken, string audioBitrate = "192k", IReadOnlyList<(string Path, string? Language)>? subtitles = null)
    {
        if (tracks.Count == 0) throw new InputException("No audio track to add.", "Give at least one audio file.");
        var info = await probe.ProbeAsync(videoPath, cancellationToken).ConfigureAwait(false);
        if (info.FirstVideo is null)
            throw new InputException($"'{videoPath}' has no video stream.", "Give a video file, or export audio only.");
        foreach (var track in tracks) InputFiles.RequireFile(track.Path, "audio track");

        await AtomicFile.WriteAsync(outputPath, temporary =>
            WriteVideoAsync(info, tracks, temporary, audioBitrate, subtitles, progress, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the video straight to <paramref name="path"/>, for a caller that checks the file under a temporary name
    /// before renaming it. The video decides the length: audio is padded or cut to it, so the two end within one frame.
    /// </summary>
    public Task WriteVideoAsync(MediaInfo video, IReadOnlyList<AudioTrack> tracks, string path, string audioBitrate,
        IReadOnlyList<(string Path, string? Language)>? subtitles, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        var args = new List<string> { "-i", video.Path };
        foreach (var track in tracks) args.AddRange(["-i", track.Path]);
        var subs = subtitles ?? [];
        foreach (var sub in subs) args.AddRange(["-i", sub.Path]);
        args.AddRange(["-map", "0:v:0"]);
        for (var i = 0; i < tracks.Count; i++) args.AddRange(["-map", $"{i + 1}:a:0"]);
        for (var i = 0; i < subs.Count; i++) args.AddRange(["-map", $"{tracks.Count + 1 + i}:0"]);
        args.AddRange(["-c:v", "copy"]);
        AddAudioTracks(args, tracks, audioBitrate);
        if (subs.Count > 0) args.AddRange(["-c:s", "mov_text"]);
        for (var i = 0; i < subs.Count; i++)
            if (subs[i].Language is { } lang) args.AddRange([$"-metadata:s:s:{i}", $"language={LanguageCodes.ToIso6392(lang)}"]);
        args.AddRange(["-t", Seconds(video.Duration), "-movflags", "+faststart", path]);
        return ffmpeg.RunAsync(args, video.Duration, progress, "mux the dubbed video", cancellationToken, failureHint: FailureHint);
    }

    /// <summary>For a source with no video: the tracks alone in an .m4a of <paramref name="durationSeconds"/>, written straight to <paramref name="path"/>.</summary>
    public Task WriteAudioOnlyAsync(IReadOnlyList<AudioTrack> tracks, string path, double durationSeconds, string audioBitrate,
        IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        var args = new List<string>();
        foreach (var track in tracks) args.AddRange(["-i", track.Path]);
        for (var i = 0; i < tracks.Count; i++) args.AddRange(["-map", $"{i}:a:0"]);
        args.AddRange(["-vn", "-sn", "-dn"]);
        AddAudioTracks(args, tracks, audioBitrate);
        args.AddRange(["-t", Seconds(durationSeconds), "-movflags", "+faststart", "-f", "ipod", path]);
        return ffmpeg.RunAsync(args, durationSeconds, progress, "export the dubbed audio", cancellationToken, failureHint: FailureHint);
    }

    /// <summary>AAC for every track, each with its gain, padding, language, title and disposition (the first is the default).</summary>
    private static void AddAudioTracks(List<string> args, IReadOnlyList<AudioTrack> tracks, string audioBitrate)
    {
        args.AddRange(["-c:a", "aac", "-b:a", audioBitrate]);
        for (var i = 0; i < tracks.Count; i++)
        {
            // apad + -t: a short track is padded with silence and a long one cut, so every track ends with the video.
            var gain = tracks[i].GainDb == 0 ? "" : $"volume={tracks[i].GainDb.ToString("0.###", CultureInfo.InvariantCulture)}dB,";
            args.AddRange([$"-filter:a:{i}", gain + "apad"]);
            if (tracks[i].Language is { } lang) args.AddRange([$"-metadata:s:a:{i}", $"language={LanguageCodes.ToIso6392(lang)}"]);
            if (tracks[i].Title is { } title) args.AddRange([$"-metadata:s:a:{i}", $"title={title}"]);
            args.AddRange([$"-disposition:a:{i}", i == 0 ? "default" : "0"]);
        }
    }

    private static string Seconds(double seconds) => seconds.ToString("0.######", CultureInfo.InvariantCulture);
}
