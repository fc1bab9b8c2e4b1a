using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Media;

namespace DubAgent.Core.Tests.Media;

public sealed class FfmpegProgressTests : IDisposable
{
    private readonly MediaTestFolder _media = new();

    [Fact]
    public void The_parser_reads_microseconds_and_the_end_marker()
    {
        var parser = new FfmpegProgressParser(10);
        Assert.Null(parser.Feed("frame=10"));
        Assert.Null(parser.Feed("bitrate=N/A"));
        Assert.Null(parser.Feed("garbage without equals"));
        Assert.Equal(0.25, parser.Feed("out_time_us=2500000"));
        Assert.Equal(0.5, parser.Feed("out_time_ms=5000000"));
        Assert.Null(parser.Feed("out_time_us=N/A"));
        Assert.Equal(5.0, parser.SecondsDone);
        Assert.Equal(1.0, parser.Feed("out_time_us=99000000"));
        Assert.False(parser.Ended);
        Assert.Equal(1.0, parser.Feed("progress=end"));
        Assert.True(parser.Ended);
    }

    [Fact]
    public void Without_a_known_length_the_parser_counts_seconds_but_gives_no_fraction()
    {
        var parser = new FfmpegProgressParser(0);
        Assert.Null(parser.Feed("out_time_us=1000000"));
        Assert.Equal(1.0, parser.SecondsDone);
    }

    [Fact]
    public async Task A_real_run_reports_rising_fractions_ending_at_one()
    {
        var seen = new List<double>();
        var progress = new SynchronousProgress(u => { lock (seen) seen.Add(u.Fraction ?? -1); });
        await _media.Ffmpeg.RunAsync(["-f", "lavfi", "-i", "sine=duration=20:sample_rate=48000", "-c:a", "pcm_s16le", _media.PathOf("tone.wav")],
            20, progress, "make a tone", CancellationToken.None);

        Assert.NotEmpty(seen);
        Assert.Equal(1.0, seen[^1]);
        Assert.All(seen, f => Assert.InRange(f, 0, 1));
        Assert.Equal(seen.OrderBy(f => f), seen);
    }

    [Fact]
    public async Task A_failing_run_is_a_media_exception_with_ffmpeg_own_words()
    {
        var error = await Assert.ThrowsAsync<MediaException>(() => _media.Ffmpeg.RunAsync(
            ["-i", _media.PathOf("does-not-exist.wav"), _media.PathOf("out.wav")], 1, null, "convert", CancellationToken.None));
        Assert.Contains("could not convert", error.Message);
        Assert.Contains("No such file or directory", error.StderrTail);
    }

    public void Dispose() => _media.Dispose();

    private sealed class SynchronousProgress(Action<ProgressUpdate> report) : IProgress<ProgressUpdate>
    {
        public void Report(ProgressUpdate value) => report(value);
    }
}
