using System.Globalization;
using System.Text.Json;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Processes;
using FFMpegCore;

namespace DubAgent.Core.Media;

/// <summary>
/// ffprobe: duration, container and streams of a media file, read by FFMpegCore's <see cref="FFProbe"/> model. Each
/// content is probed once per process (keyed by its hash), however many steps and paths ask about it.
/// </summary>
/// <remarks>
/// ffprobe itself runs through our <see cref="IProcessRunner"/>, not FFProbe.AnalyseAsync: that joins the arguments
/// into one command-line string (a path holding a quote breaks it), has no timeout, and starts the process where the
/// runner cannot see it (the runner keeps stderr for errors and counts the processes of a run). FFMpegCore parses the
/// answer (<see cref="FFProbe.FromJson"/>); durations come from ffprobe's seconds, which FFMpegCore's TimeSpans would
/// round to milliseconds (extraction trims to the stream's exact length).
/// </remarks>
public sealed class MediaProbe(IProcessRunner runner, FileContentHashes? hashes = null)
{
    private readonly FileContentHashes _hashes = hashes ?? new FileContentHashes();
    private readonly ContentKeyedWork<MediaInfo> _probes = new();

    public string Program { get; init; } = "ffprobe";

    /// <summary>The content hashes this probe keys by (shared with the decoder, so both agree on what "the same file" is).</summary>
    public FileContentHashes Hashes => _hashes;

    public async Task<MediaInfo> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        var full = InputFiles.RequireFile(path);
        var hash = await _hashes.HashAsync(full, cancellationToken).ConfigureAwait(false);
        var info = await _probes.GetOrRunAsync(hash, token => RunProbeAsync(path, full, token), cancellationToken).ConfigureAwait(false);
        return info with { Path = full };
    }

    private async Task<MediaInfo> RunProbeAsync(string path, string full, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(new ProcessRequest(Program,
            ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", full])
        { Timeout = TimeSpan.FromMinutes(2) }, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
            throw new MediaException($"'{path}' is not a media file ffmpeg can read.",
                "Check that it is a complete audio or video file (its name may not match its content).", result.StderrTail);
        MediaInfo info;
        try
        {
            info = Parse(result.StandardOutput, full);
        }
        catch (Exception e) when (e is JsonException or FFMpegCore.Exceptions.FFMpegException or FormatException or OverflowException or ArgumentException or InvalidOperationException)
        {
            throw new MediaException($"ffprobe's answer for '{path}' could not be read: {e.Message}", null, null, e);
        }
        if (!info.Streams.Any(s => s.Kind is StreamKind.Audio or StreamKind.Video))
            throw new MediaException($"'{path}' has no audio or video stream.", "Give a video or audio file.");
        return info;
    }

    internal static MediaInfo Parse(string json, string path)
    {
        var analysis = FFProbe.FromJson(json);
        var typed = analysis.VideoStreams.Cast<FFMpegCore.MediaStream>().Concat(analysis.AudioStreams).Concat(analysis.SubtitleStreams)
            .GroupBy(s => s.Index).ToDictionary(g => g.Key, g => g.First());
        var streams = analysis.Raw.Streams.Select(s => ToStream(s, typed.GetValueOrDefault(s.Index))).ToList();
        var format = analysis.Raw.Format;
        return new MediaInfo
        {
            Path = path,
            Container = format?.FormatName ?? "",
            Duration = Seconds(format?.Duration) ?? streams.Max(s => s.Duration) ?? 0,
            SizeBytes = new FileInfo(path).Length,
            Streams = streams,
        };
    }

    private static Abstractions.Media.MediaStream ToStream(FFProbeStream raw, FFMpegCore.MediaStream? typed)
    {
        var kind = raw.CodecType switch
        {
            "video" => StreamKind.Video,
            "audio" => StreamKind.Audio,
            "subtitle" => StreamKind.Subtitle,
            "data" => StreamKind.Data,
            _ => StreamKind.Other,
        };
        // Cover art arrives as a one-frame "video" stream; it is not a video.
        if (kind == StreamKind.Video && raw.Disposition?.GetValueOrDefault("attached_pic") == 1) kind = StreamKind.Other;
        var video = kind == StreamKind.Video ? typed as VideoStream : null;
        var audio = kind == StreamKind.Audio ? typed as AudioStream : null;
        return new Abstractions.Media.MediaStream
        {
            Index = raw.Index,
            Kind = kind,
            Codec = raw.CodecName ?? "",
            Duration = Seconds(raw.Duration),
            Language = typed?.Language ?? raw.Tags?.GetValueOrDefault("language"),
            Width = video?.Width,
            Height = video?.Height,
            FrameRate = video is null ? null : Rate(video.AverageFrameRate) ?? Rate(video.RealFrameRate),
            SampleRate = audio?.SampleRateHz,
            Channels = audio?.Channels,
            ChannelLayout = audio?.ChannelLayout,
        };
    }

    private static double? Seconds(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;

    /// <summary>ffprobe says "0/0" for an unknown rate, which FFMpegCore divides into NaN.</summary>
    private static double? Rate(double rate) => double.IsFinite(rate) && rate > 0 ? rate : null;
}
