using System.Globalization;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Processes;

namespace DubAgent.Core.Media;

/// <summary>
/// Reads a media input through before any work starts: its first video stream packet by packet (no decode) and its
/// first audio stream fully decoded. A stream that ends more than <see cref="ToleranceSeconds"/> before the container
/// says it does (a truncated download, a copy still in progress) or audio that does not decode is an input error that
/// names the file, instead of a "finished" dub whose picture stops a third of the way in.
/// </summary>
public sealed class MediaIntegrityCheck(MediaProbe probe, IProcessRunner runner)
{
    public const double ToleranceSeconds = 0.5;

    public string Program { get; init; } = "ffmpeg";

    /// <summary>Throws InputException when the file is damaged or incomplete; returns its probe otherwise.</summary>
    public async Task<MediaInfo> CheckAsync(string path, string inputName, CancellationToken cancellationToken)
    {
        MediaInfo info;
        try
        {
            info = await probe.ProbeAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (MediaException e)
        {
            throw new InputException($"The input '{inputName}' ('{path}') cannot be read as media: {e.Message}",
                "Use a complete audio or video file; a file that is still downloading or copying is incomplete.", e);
        }

        var video = info.Streams.FirstOrDefault(s => s.Kind == StreamKind.Video);
        var audio = info.Streams.FirstOrDefault(s => s.Kind == StreamKind.Audio);
        var reads = new List<Task<StreamRead>>();
        if (video is not null) reads.Add(ReadAsync(info.Path, video, decode: false, cancellationToken));
        if (audio is not null) reads.Add(ReadAsync(info.Path, audio, decode: true, cancellationToken));
        var done = await Task.WhenAll(reads).ConfigureAwait(false);
        // Length first: a truncated file also reports read errors, and "ends at 5.5 s of 20 s" says more.
        foreach (var read in done)
        {
            if (info.Duration > 0 && read.Seconds is { } seconds && seconds < info.Duration - ToleranceSeconds)
                throw new InputException(
                    $"The input '{inputName}' ('{path}') is incomplete: its {read.Stream.Kind.ToString().ToLowerInvariant()} ends at {Format(seconds)}, but the file says it lasts {Format(info.Duration)}.",
                    "The file may be truncated (a download or copy that did not finish); use a complete copy.");
        }
        if (done.FirstOrDefault(r => r.Stream.Kind == StreamKind.Audio && r.Errors.Count > 0) is { } broken)
            throw new InputException(
                $"The input '{inputName}' ('{path}') is damaged: its audio does not decode ({broken.Errors[0]}).",
                "Use an undamaged copy, or repair it with: ffmpeg -i INPUT -c:v copy -c:a aac REPAIRED.mp4");
        return info;
    }

    private async Task<StreamRead> ReadAsync(string path, MediaStream stream, bool decode, CancellationToken cancellationToken)
    {
        var parser = new FfmpegProgressParser(0);
        var errors = new List<string>();
        var arguments = new List<string>
        {
            "-hide_banner", "-nostdin", "-v", "error", "-nostats", "-progress", "pipe:1", "-i", path,
            "-map", $"0:{stream.Index}",
        };
        if (!decode) arguments.AddRange(["-c", "copy"]);
        arguments.AddRange(["-f", "null", "-"]);
        var result = await runner.RunAsync(new ProcessRequest(Program, arguments)
        {
            OnStdoutLine = line => parser.Feed(line),
            OnStderrLine = line => { lock (errors) if (errors.Count < 5 && line.Trim().Length > 0) errors.Add(line.Trim()); },
            MaxStdoutChars = 64 * 1024,
        }, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded && errors.Count == 0) errors.Add($"ffmpeg exit code {result.ExitCode}");
        return new StreamRead(stream, parser.SecondsDone, errors);
    }

    private static string Format(double seconds) => $"{seconds.ToString("0.0", CultureInfo.InvariantCulture)} s";

    private sealed record StreamRead(MediaStream Stream, double? Seconds, IReadOnlyList<string> Errors);
}
