using DubAgent.Abstractions.Errors;
using DubAgent.Engines.Export;
using DubAgent.Engines.Tests.Mixing;

namespace DubAgent.Engines.Tests.Export;

/// <summary>Export writes a finished file or nothing: broken results are refused and ffmpeg's failures keep its own words.</summary>
public class ExportRefusalTests
{
    private static Task<string> MixAsync(MixMedia media, double seconds) =>
        media.GenerateAsync("mix.wav", $"anoisesrc=d={seconds}:c=pink:r=48000:a=0.1:seed=4", null, "-ac", "2");

    [Fact]
    public async Task A_source_whose_video_stops_early_is_refused_and_leaves_nothing_under_the_final_name()
    {
        using var media = new MixMedia();
        // A 10 s mp4 with its index at the front, cut after 40 % of its bytes: ffprobe still says 10 s, the frames stop early.
        var full = media.PathOf("full.mp4");
        await media.Ffmpeg.RunAsync(["-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:d=10", "-f", "lavfi", "-i", "sine=d=10",
            "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-movflags", "+faststart", full], 10, null, "make video", CancellationToken.None);
        var bytes = await File.ReadAllBytesAsync(full);
        var truncated = media.PathOf("truncated.mp4");
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length * 4 / 10)]);
        var mix = await MixAsync(media, 10);
        var context = media.Context("export");
        // A result of an earlier call under the same name must not pass for this call's result.
        Directory.CreateDirectory(context.WorkDirectory);
        var final = Path.Combine(context.WorkDirectory, "es_truncated_dubbed.mp4");
        await File.WriteAllTextAsync(final, "an older export");

        var e = await Assert.ThrowsAsync<InputException>(() =>
            media.ExportTool().InvokeAsync(new ExportArguments { Video = truncated, Mix = mix, Language = "es" }, context));

        Assert.Contains("es_truncated_dubbed.mp4", e.Message);
        Assert.Matches(@"audio lasts 10\.0\d\d s and its video \d\.\d{3} s", e.Message);
        Assert.Contains("more than one frame, 40 ms", e.Message);
        Assert.Contains("truncated.mp4", e.Hint);
        Assert.Contains("re-encode", e.Hint);
        Assert.Empty(Directory.GetFiles(context.WorkDirectory));
    }

    [Fact]
    public async Task An_ffmpeg_failure_is_a_media_error_with_ffmpegs_own_message()
    {
        using var media = new MixMedia();
        // FFV1 video cannot be copied into an mp4: ffmpeg refuses to write the header.
        var source = media.PathOf("lossless.mkv");
        await media.Ffmpeg.RunAsync(["-f", "lavfi", "-i", "testsrc=size=160x120:rate=25:d=2", "-c:v", "ffv1", source], 2, null, "make video",
            CancellationToken.None);
        var mix = await MixAsync(media, 2);
        var context = media.Context("export");

        var e = await Assert.ThrowsAsync<MediaException>(() =>
            media.ExportTool().InvokeAsync(new ExportArguments { Video = source, Mix = mix, Language = "es" }, context));

        Assert.Equal("media", e.Kind);
        // In the message itself, so it survives when a recipe step wraps the error; the tail is kept beside it.
        Assert.Contains("mp4: Could not find tag for codec ffv1", e.Message);
        Assert.DoesNotContain(" @ 0x", e.Message);
        Assert.Contains("Could not find tag for codec ffv1", e.StderrTail);
        Assert.DoesNotContain("complete media file", e.Hint);
        Assert.Empty(Directory.GetFiles(context.WorkDirectory));
    }
}
