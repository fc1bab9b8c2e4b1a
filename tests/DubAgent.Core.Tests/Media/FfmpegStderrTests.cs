using DubAgent.Core.Media;

namespace DubAgent.Core.Tests.Media;

public class FfmpegStderrTests
{
    [Fact]
    public void The_last_lines_that_say_why_are_kept_without_addresses_and_closing_phrases()
    {
        const string stderr = """
            [mp4 @ 0x55da931620c0] Could not find tag for codec ffv1 in stream #0, codec not currently supported in container
            Could not write header for output file #0 (incorrect codec parameters ?): Invalid argument
            Error initializing output stream 0:1 -- 
            Conversion failed!

            """;
        Assert.Equal("mp4: Could not find tag for codec ffv1 in stream #0, codec not currently supported in container; " +
                     "Could not write header for output file #0 (incorrect codec parameters ?): Invalid argument",
            FfmpegStderr.LastMeaningfulLines(stderr));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Conversion failed!\n\n")]
    public void Nothing_meaningful_is_null(string? stderr) => Assert.Null(FfmpegStderr.LastMeaningfulLines(stderr));

    [Fact]
    public async Task A_failing_run_names_ffmpegs_reason_in_the_message()
    {
        using var media = new MediaTestFolder();
        var e = await Assert.ThrowsAsync<DubAgent.Abstractions.Errors.MediaException>(() => media.Ffmpeg.RunAsync(
            ["-f", "lavfi", "-i", "sine=d=1", "-c:a", "no_such_encoder", media.PathOf("x.wav")], 1, null, "encode", CancellationToken.None));
        Assert.StartsWith("ffmpeg could not encode (exit code 1): ", e.Message);
        Assert.Contains("no_such_encoder", e.Message);
    }
}
