using System.Globalization;
using DubAgent.Abstractions;
using DubAgent.Core.Media;

namespace DubAgent.Cli.Demo;

/// <summary>Encodes the demo video: ffmpeg's moving test pattern (640x360, 25 fps, H.264) with the mix as an English AAC track.</summary>
public sealed class DemoVideoEncoder(Ffmpeg ffmpeg)
{
    public Task EncodeAsync(DemoMedia media, IProgress<ProgressUpdate>? progress, CancellationToken cancellationToken)
    {
        var seconds = DemoAudioFormat.DurationSeconds;
        return AtomicFile.WriteAsync(media.Video, temporary => ffmpeg.RunAsync(
        [
            "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25",
            "-i", media.Mix,
            "-map", "0:v:0", "-map", "1:a:0",
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "26", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "192k", "-metadata:s:a:0", "language=eng",
            "-metadata", "title=DubAgent demo",
            "-t", seconds.ToString(CultureInfo.InvariantCulture),
            "-movflags", "+faststart", "-f", "mp4", temporary,
        ], seconds, progress, "encode the demo video", cancellationToken));
    }
}
