using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Processes;

namespace DubAgent.Core.Media;

/// <summary>Runs ffmpeg with progress and turns its failures into MediaException with ffmpeg's own message and the tail of its stderr.</summary>
public sealed class Ffmpeg(IProcessRunner runner)
{
    public string Program { get; init; } = "ffmpeg";

    /// <summary>
    /// Runs ffmpeg with <paramref name="arguments"/> (inputs, filters and output; no global flags needed).
    /// <paramref name="expectedSeconds"/> is the output's length, used to turn ffmpeg's clock into a fraction.
    /// <paramref name="failureHint"/> replaces the default hint (which suspects the input) when the caller knows better.
    /// </summary>
    public async Task RunAsync(IReadOnlyList<string> arguments, double expectedSeconds, IProgress<ProgressUpdate>? progress,
        string what, CancellationToken cancellationToken, TimeSpan? timeout = null, string? failureHint = null)
    {
        var parser = new FfmpegProgressParser(expectedSeconds);
        var all = new List<string> { "-hide_banner", "-nostdin", "-y", "-loglevel", "error", "-progress", "pipe:1", "-nostats" };
        all.AddRange(arguments);
        var request = new ProcessRequest(Program, all)
        {
            Timeout = timeout,
            OnStdoutLine = line =>
            {
                if (parser.Feed(line) is { } fraction) progress?.Report(new ProgressUpdate(fraction, what));
            },
            MaxStdoutChars = 64 * 1024,
        };
        var result = await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
            throw Failure(what, result,
                failureHint ?? "Check that the input is a complete media file; the ffmpeg message follows.");
    }

    /// <summary>Runs ffmpeg and returns its stderr (filters like ebur128 and volumedetect report there).</summary>
    public async Task<string> RunForStderrAsync(IReadOnlyList<string> arguments, string what, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var all = new List<string> { "-hide_banner", "-nostdin", "-nostats" };
        all.AddRange(arguments);
        var request = new ProcessRequest(Program, all)
        {
            OnStderrLine = line => { lock (lines) lines.Add(line); },
        };
        var result = await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded) throw Failure(what, result, null);
        lock (lines) return string.Join('\n', lines);
    }

    /// <summary>The error carries ffmpeg's own last words in its message, and its stderr tail beside it.</summary>
    private static MediaException Failure(string what, ProcessResult result, string? hint) =>
        new(FfmpegStderr.LastMeaningfulLines(result.StderrTail) is { } said
                ? $"ffmpeg could not {what} (exit code {result.ExitCode}): {said}"
                : $"ffmpeg could not {what} (exit code {result.ExitCode}).",
            hint, result.StderrTail);
}
