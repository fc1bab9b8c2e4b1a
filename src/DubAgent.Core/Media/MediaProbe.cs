using System.Globalization;
using System.Text.Json;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Processes;

namespace DubAgent.Core.Media;

/// <summary>
/// ffprobe: duration, container and streams of a media file. Each content is probed once per process (keyed by its
/// hash), however many steps and paths ask about it.
/// </summary>
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
        catch (JsonException e)
        {
            throw new MediaException($"ffprobe's answer for '{path}' could not be read: {e.Message}", null, null, e);
        }
        if (!info.Streams.Any(s => s.Kind is StreamKind.Audio or StreamKind.Video))
            throw new MediaException($"'{path}' has no audio or video stream.", "Give a video or audio file.");
        return info;
    }

    internal static MediaInfo Parse(string json, string path)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var format = root.TryGetProperty("format", out var f) ? f : default;
        var streams = new List<MediaStream>();
        if (root.TryGetProperty("streams", out var ss))
        {
            foreach (var s in ss.EnumerateArray())
            {
                var kind = Str(s, "codec_type") switch
                {
                    "video" => StreamKind.Video,
                    "audio" => StreamKind.Audio,
                    "subtitle" => StreamKind.Subtitle,
                    "data" => StreamKind.Data,
                    _ => StreamKind.Other,
                };
                // Cover art arrives as a one-frame "video" stream; it is not a video.
                if (kind == StreamKind.Video && s.TryGetProperty("disposition", out var d)
                    && d.TryGetProperty("attached_pic", out var ap) && ap.GetInt32() == 1)
                    kind = StreamKind.Other;
                streams.Add(new MediaStream
                {
                    Index = s.TryGetProperty("index", out var i) ? i.GetInt32() : streams.Count,
                    Kind = kind,
                    Codec = Str(s, "codec_name") ?? "",
                    Duration = Num(s, "duration"),
                    Language = s.TryGetProperty("tags", out var tags) ? Str(tags, "language") : null,
                    Width = kind == StreamKind.Video ? (int?)Num(s, "width") : null,
                    Height = kind == StreamKind.Video ? (int?)Num(s, "height") : null,
                    FrameRate = kind == StreamKind.Video ? Rational(Str(s, "avg_frame_rate")) ?? Rational(Str(s, "r_frame_rate")) : null,
                    SampleRate = kind == StreamKind.Audio ? (int?)Num(s, "sample_rate") : null,
                    Channels = kind == StreamKind.Audio ? (int?)Num(s, "channels") : null,
                    ChannelLayout = kind == StreamKind.Audio ? Str(s, "channel_layout") : null,
                });
            }
        }
        var duration = format.ValueKind == JsonValueKind.Object ? Num(format, "duration") : null;
        duration ??= streams.Select(s => s.Duration).Where(d => d is not null).DefaultIfEmpty(0).Max();
        return new MediaInfo
        {
            Path = path,
            Container = format.ValueKind == JsonValueKind.Object ? Str(format, "format_name") ?? "" : "",
            Duration = duration ?? 0,
            SizeBytes = new FileInfo(path).Length,
            Streams = streams,
        };
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Num(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number) return v.GetDouble();
        return v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    private static double? Rational(string? text)
    {
        if (text is null) return null;
        var parts = text.Split('/');
        if (parts.Length == 2 && double.TryParse(parts[0], CultureInfo.InvariantCulture, out var n)
            && double.TryParse(parts[1], CultureInfo.InvariantCulture, out var d) && d != 0 && n != 0)
            return n / d;
        return null;
    }
}
