using DubAgent.Abstractions.Errors;
using DubAgent.Core.Media;
using DubAgent.Core.Processes;

namespace DubAgent.Core.Tests.Media;

/// <summary>Issue 13: a truncated or damaged input is refused before work starts, with the file and what is wrong.</summary>
public sealed class MediaIntegrityCheckTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dubagent-integrity-").FullName;
    private readonly MediaIntegrityCheck _check;

    public MediaIntegrityCheckTests()
    {
        var runner = new ProcessRunner();
        _check = new MediaIntegrityCheck(new MediaProbe(runner), runner);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> VideoAsync(string name, double seconds)
    {
        var path = Path.Combine(_folder, name);
        var result = await new ProcessRunner().RunAsync(new ProcessRequest("ffmpeg",
        [
            "-v", "error", "-y", "-f", "lavfi", "-i", $"testsrc=size=160x120:rate=25:duration={seconds}",
            "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={seconds}",
            "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-movflags", "+faststart", "-shortest", path,
        ]), CancellationToken.None);
        Assert.True(result.Succeeded, result.StderrTail);
        return path;
    }

    [Fact]
    public async Task A_complete_video_passes()
    {
        var info = await _check.CheckAsync(await VideoAsync("full.mp4", 6), "video", CancellationToken.None);
        Assert.InRange(info.Duration, 5.9, 6.2);
    }

    [Fact]
    public async Task The_first_30_percent_of_an_mp4_is_refused_as_incomplete()
    {
        var full = await VideoAsync("full.mp4", 10);
        var truncated = Path.Combine(_folder, "truncated.mp4");
        var bytes = await File.ReadAllBytesAsync(full);
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length * 3 / 10)]);

        var error = await Assert.ThrowsAsync<InputException>(() => _check.CheckAsync(truncated, "video", CancellationToken.None));
        Assert.Contains("truncated.mp4", error.Message);
        Assert.Contains("incomplete", error.Message);
        Assert.Contains("lasts 10.0 s", error.Message);
    }

    [Fact]
    public async Task A_file_that_is_not_media_is_an_input_error_naming_the_input()
    {
        var path = Path.Combine(_folder, "notes.mp4");
        await File.WriteAllBytesAsync(path, [0, 1, 2, 3, 0, 0, 7, 8, 9]);
        var error = await Assert.ThrowsAsync<InputException>(() => _check.CheckAsync(path, "video", CancellationToken.None));
        Assert.Contains("'video'", error.Message);
        Assert.Contains("notes.mp4", error.Message);
    }

    [Fact]
    public async Task Real_recordings_pass()
    {
        var data = Scoring.SdrTestData.SharedData();
        foreach (var file in new[] { "video_en_speech/englishvideo.mp4", "jfk/jfk.mp3", "pyannote_sample/sample.wav", "short_clips_en_fr_zh/chinese.flac" })
            await _check.CheckAsync(Path.Combine(data, file), "video", CancellationToken.None);
    }
}
