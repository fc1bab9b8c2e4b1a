using DubAgent.Abstractions.Media;

namespace DubAgent.Core.Tests.Media;

public sealed class MediaProbeTests : IDisposable
{
    private readonly MediaTestFolder _media = new();

    [Fact]
    public async Task A_video_reports_container_duration_and_both_streams()
    {
        var path = await _media.VideoWithAudioAsync(seconds: 2, language: "spa");

        var info = await _media.Probe.ProbeAsync(path, CancellationToken.None);

        Assert.Contains("mp4", info.Container);
        Assert.InRange(info.Duration, 1.95, 2.1);
        Assert.Equal(new FileInfo(path).Length, info.SizeBytes);
        var video = info.FirstVideo!;
        Assert.Equal("h264", video.Codec);
        Assert.Equal(320, video.Width);
        Assert.Equal(240, video.Height);
        Assert.Equal(25, video.FrameRate!.Value, 3);
        var audio = info.FirstAudio!;
        Assert.Equal("aac", audio.Codec);
        Assert.Equal(44100, audio.SampleRate);
        Assert.Equal(2, audio.Channels);
        Assert.Equal("spa", audio.Language);
    }

    [Fact]
    public async Task A_wav_reports_its_layout()
    {
        var path = await _media.SineWavAsync("tone.wav", 16000, 1, seconds: 1.5);
        var info = await _media.Probe.ProbeAsync(path, CancellationToken.None);

        Assert.Equal("wav", info.Container);
        Assert.Equal(1.5, info.Duration, 3);
        Assert.Null(info.FirstVideo);
        Assert.Equal("pcm_s16le", info.FirstAudio!.Codec);
        Assert.Equal(16000, info.FirstAudio.SampleRate);
        Assert.Equal(1, info.FirstAudio.Channels);
    }

    [Fact]
    public void Cover_art_is_not_taken_for_a_video_stream()
    {
        const string json = """
        {"streams":[{"index":0,"codec_type":"audio","codec_name":"mp3","sample_rate":"44100","channels":2},
                    {"index":1,"codec_type":"video","codec_name":"mjpeg","width":500,"height":500,"disposition":{"attached_pic":1}}],
         "format":{"format_name":"mp3","duration":"3.5"}}
        """;
        var path = _media.PathOf("song.mp3");
        File.WriteAllText(path, "x");
        var info = DubAgent.Core.Media.MediaProbe.Parse(json, path);
        Assert.Null(info.FirstVideo);
        Assert.Equal(StreamKind.Other, info.Streams[1].Kind);
        Assert.Equal(3.5, info.Duration);
    }

    [Fact]
    public async Task A_path_with_quotes_and_spaces_is_probed()
    {
        // ffprobe's arguments are an array: nothing in a file name can split or end an argument.
        var path = await _media.SineWavAsync("it's a \"quoted\" name\\.wav", 16000, 1);
        var info = await _media.Probe.ProbeAsync(path, CancellationToken.None);
        Assert.Equal(1.0, info.Duration, 3);
        Assert.Equal(16000, info.FirstAudio!.SampleRate);
    }

    public void Dispose() => _media.Dispose();
}
