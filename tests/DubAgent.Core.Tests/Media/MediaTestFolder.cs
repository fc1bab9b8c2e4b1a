using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;
using DubAgent.Core.Processes;

namespace DubAgent.Core.Tests.Media;

/// <summary>A temporary folder with the media layer wired to the real ffmpeg/ffprobe, and generators for small test media.</summary>
public sealed class MediaTestFolder : IDisposable
{
    public MediaTestFolder()
    {
        Root = Directory.CreateTempSubdirectory("dubagent-media-test-").FullName;
        Runner = new ProcessRunner();
        Ffmpeg = new Ffmpeg(Runner);
        Probe = new MediaProbe(Runner);
        Extractor = new AudioExtractor(Ffmpeg, Probe);
        Muxer = new Muxer(Ffmpeg, Probe);
    }

    public string Root { get; }
    public ProcessRunner Runner { get; }
    public Ffmpeg Ffmpeg { get; }
    public MediaProbe Probe { get; }
    public AudioExtractor Extractor { get; }
    public Muxer Muxer { get; }

    public string PathOf(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>H.264 test pattern (320x240, 25 fps) with an AAC sine (44.1 kHz stereo) tagged with a language.</summary>
    public async Task<string> VideoWithAudioAsync(string name = "video.mp4", double seconds = 2, string language = "spa")
    {
        var path = PathOf(name);
        await Ffmpeg.RunAsync(
        [
            "-f", "lavfi", "-i", $"testsrc=size=320x240:rate=25:duration={seconds}",
            "-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=44100:duration={seconds}",
            "-map", "0:v", "-map", "1:a", "-ac", "2",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
            "-metadata:s:a:0", $"language={language}", path,
        ], seconds, null, "make a test video", CancellationToken.None);
        return path;
    }

    public async Task<string> VideoWithoutAudioAsync(string name = "silent.mp4", double seconds = 2)
    {
        var path = PathOf(name);
        await Ffmpeg.RunAsync(
            ["-f", "lavfi", "-i", $"testsrc=size=320x240:rate=25:duration={seconds}", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", path],
            seconds, null, "make a silent test video", CancellationToken.None);
        return path;
    }

    /// <summary>A WAV from ffmpeg's sine source (amplitude 1/8) in the given layout.</summary>
    public async Task<string> SineWavAsync(string name, int sampleRate, int channels, string codec = "pcm_s16le", double seconds = 1, int frequency = 1000)
    {
        var path = PathOf(name);
        await Ffmpeg.RunAsync(
        [
            "-f", "lavfi", "-i", $"sine=frequency={frequency}:sample_rate={sampleRate}:duration={seconds}",
            "-ac", channels.ToString(), "-c:a", codec, path,
        ], seconds, null, "make a test tone", CancellationToken.None);
        return path;
    }

    public static float[] Noise(int samples, int seed)
    {
        var random = new Random(seed);
        var data = new float[samples];
        for (var i = 0; i < data.Length; i++) data[i] = (float)(random.NextDouble() * 1.8 - 0.9);
        return data;
    }

    public static AudioFormat Format(int rate, int channels, SampleEncoding encoding) => new(rate, channels, encoding);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
