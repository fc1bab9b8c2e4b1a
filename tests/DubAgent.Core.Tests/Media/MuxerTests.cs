using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;

namespace DubAgent.Core.Tests.Media;

public sealed class MuxerTests : IDisposable
{
    private readonly MediaTestFolder _media = new();

    [Fact]
    public async Task The_video_is_copied_and_a_tagged_aac_track_replaces_the_audio()
    {
        var video = await _media.VideoWithAudioAsync(seconds: 2, language: "eng");
        var dub = await _media.SineWavAsync("dub.wav", 48000, 2, seconds: 2);
        var output = _media.PathOf("dubbed.mp4");

        await _media.Muxer.MuxAsync(video, [new AudioTrack(dub, "es", "Español")], output, null, CancellationToken.None);

        var source = await _media.Probe.ProbeAsync(video, CancellationToken.None);
        var result = await _media.Probe.ProbeAsync(output, CancellationToken.None);
        Assert.Equal(source.FirstVideo!.Codec, result.FirstVideo!.Codec);
        Assert.Equal((source.FirstVideo.Width, source.FirstVideo.Height), (result.FirstVideo.Width, result.FirstVideo.Height));
        Assert.Equal(source.FirstVideo.FrameRate!.Value, result.FirstVideo.FrameRate!.Value, 3);
        Assert.Single(result.Streams, s => s.Kind == StreamKind.Audio);
        Assert.Equal("aac", result.FirstAudio!.Codec);
        Assert.Equal("spa", result.FirstAudio.Language);
        Assert.Equal(source.Duration, result.Duration, 1);
        Assert.Equal(await VideoPacketHashAsync(video), await VideoPacketHashAsync(output));
        Assert.Empty(Directory.GetFiles(_media.Root, "*.partial*"));
    }

    [Fact]
    public async Task A_video_without_audio_gets_its_first_track_and_short_audio_is_padded_to_the_video()
    {
        var video = await _media.VideoWithoutAudioAsync(seconds: 2);
        var dub = await _media.SineWavAsync("short.wav", 44100, 1, seconds: 1);
        var output = _media.PathOf("with-audio.mp4");

        await _media.Muxer.MuxAsync(video, [new AudioTrack(dub, "fr"), new AudioTrack(dub, "deu")], output, null, CancellationToken.None);

        var result = await _media.Probe.ProbeAsync(output, CancellationToken.None);
        var audio = result.Streams.Where(s => s.Kind == StreamKind.Audio).ToList();
        Assert.Equal(["fre", "deu"], audio.Select(a => a.Language));
        Assert.All(audio, a => Assert.InRange(a.Duration!.Value, 1.9, 2.1));
    }

    [Fact]
    public async Task An_audio_file_is_not_a_video_to_mux_into()
    {
        var audio = await _media.SineWavAsync("a.wav", 8000, 1);
        var error = await Assert.ThrowsAsync<InputException>(() =>
            _media.Muxer.MuxAsync(audio, [new AudioTrack(audio, "es")], _media.PathOf("x.mp4"), null, CancellationToken.None));
        Assert.Contains("no video stream", error.Message);
    }

    [Fact]
    public async Task A_missing_audio_track_is_named()
    {
        var video = await _media.VideoWithoutAudioAsync();
        var error = await Assert.ThrowsAsync<InputException>(() => _media.Muxer.MuxAsync(video,
            [new AudioTrack(_media.PathOf("missing.wav"), "es")], _media.PathOf("x.mp4"), null, CancellationToken.None));
        Assert.Contains("missing.wav", error.Message);
        Assert.False(File.Exists(_media.PathOf("x.mp4")));
    }

    /// <summary>ffmpeg's hash of the video packets: equal only when the stream was copied, not re-encoded.</summary>
    private async Task<string> VideoPacketHashAsync(string path)
    {
        var hashFile = _media.PathOf($"{Path.GetFileName(path)}.md5");
        await _media.Ffmpeg.RunAsync(["-i", path, "-map", "0:v:0", "-c", "copy", "-f", "hash", "-hash", "md5", hashFile], 0, null,
            "hash the video", CancellationToken.None);
        return File.ReadAllText(hashFile).Trim();
    }

    public void Dispose() => _media.Dispose();
}
