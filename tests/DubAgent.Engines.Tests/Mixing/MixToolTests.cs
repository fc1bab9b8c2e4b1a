using DubAgent.Abstractions.Errors;
using DubAgent.Core.Media;
using DubAgent.Engines.Mixing;

namespace DubAgent.Engines.Tests.Mixing;

/// <summary>The mix tool end to end on generated media, with loudness checked by an independent ebur128 measurement.</summary>
public class MixToolTests
{
    private static async Task<(string Voice, string Background, string Video)> InputsAsync(MixMedia media)
    {
        // A "voice" of noise phrases (mono, 24 kHz like a TTS engine), a stereo 44.1 kHz background, a 10 s video.
        var voice = await media.GenerateAsync("voice.wav", "anoisesrc=d=9.5:c=pink:r=24000:a=0.2:seed=1",
            "volume='between(t,1,3)+between(t,4.5,7)':eval=frame,lowpass=f=4000");
        var background = await media.GenerateAsync("background.wav", "sine=f=220:d=10:sample_rate=44100", "volume=2", "-ac", "2");
        var video = media.PathOf("video.mp4");
        await media.Ffmpeg.RunAsync(["-f", "lavfi", "-i", "testsrc=size=160x120:rate=25:d=10", "-f", "lavfi", "-i", "sine=d=10",
            "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", video], 10, null, "make video", CancellationToken.None);
        return (voice, background, video);
    }

    [Theory]
    [InlineData("streaming", -16.0)]
    [InlineData("broadcast", -23.0)]
    public async Task Separated_route_with_music_hits_the_loudness_target_at_the_source_format(string preset, double target)
    {
        using var media = new MixMedia();
        var (voice, background, video) = await InputsAsync(media);
        var music = await media.GenerateAsync("music.mp3", "sine=f=660:d=3:sample_rate=44100", null, "-ac", "2", "-c:a", "libmp3lame");
        var context = media.Context();

        var result = await media.MixTool().InvokeAsync(new MixArguments
        {
            Voice = voice, Background = background, Music = music, Video = video, Loudness = preset,
        }, context);

        Assert.Equal(Path.Combine(context.WorkDirectory, "mix.wav"), result.Path);
        using (var reader = new WavReader(result.Path))
        {
            Assert.Equal(44100, reader.Format.SampleRate);
            Assert.Equal(2, reader.Format.Channels);
            var videoInfo = await media.Probe.ProbeAsync(video, CancellationToken.None);
            Assert.Equal((long)Math.Round(videoInfo.Duration * 44100), reader.FrameCount);
        }
        var measured = await media.Meter.MeasureAsync(result.Path, CancellationToken.None);
        Assert.InRange(measured.IntegratedLufs, target - 1, target + 1);
        Assert.True(measured.TruePeakDbtp <= -1, $"true peak {measured.TruePeakDbtp} dBTP");
        Assert.Equal(measured.IntegratedLufs, result.Loudness.IntegratedLufs, 1);
        Assert.Equal("separated", result.Route);
        Assert.Equal(0.3, result.Volumes.Music);
        Assert.True(File.Exists(result.RecordPath));
        Assert.Contains(result.Notes, n => n.Contains("crossfaded"));
        // No temporary file is left beside the result.
        Assert.Equal(["mix.json", "mix.wav"], Directory.GetFiles(context.WorkDirectory).Select(f => Path.GetFileName(f)).Order().ToArray());
    }

    [Fact]
    public async Task Plain_route_with_loud_peaks_is_limited_under_the_ceiling()
    {
        using var media = new MixMedia();
        // Sparse clicks: a very high peak-to-loudness ratio, so a linear gain to -16 LUFS would clip.
        var original = await media.GenerateAsync("original.wav", "anoisesrc=d=6:c=white:r=48000:a=0.02:seed=2",
            "volume='1+40*lt(mod(t,1),0.002)':eval=frame", "-c:a", "pcm_f32le");
        var voice = await media.GenerateAsync("voice.wav", "anoisesrc=d=6:c=pink:r=48000:a=0.05:seed=3",
            "volume='between(t,2,3)':eval=frame");
        var result = await media.MixTool().InvokeAsync(new MixArguments { Voice = voice, Original = original }, media.Context());
        var measured = await media.Meter.MeasureAsync(result.Path, CancellationToken.None);
        Assert.Equal("plain", result.Route);
        Assert.Equal(0.4, result.Volumes.Original);
        Assert.True(measured.TruePeakDbtp <= -1, $"true peak {measured.TruePeakDbtp} dBTP");
        Assert.InRange(measured.IntegratedLufs, -17, -15);
    }

    [Fact]
    public async Task Music_longer_than_the_video_is_cut_with_a_note()
    {
        using var media = new MixMedia();
        var (voice, background, video) = await InputsAsync(media);
        var music = await media.GenerateAsync("long.m4a", "sine=f=330:d=15", null, "-c:a", "aac");
        var result = await media.MixTool().InvokeAsync(new MixArguments
        {
            Voice = voice, Background = background, Music = music, Video = video,
        }, media.Context());
        Assert.Contains(result.Notes, n => n.Contains("longer than the video") && n.Contains("cut"));
        Assert.Equal(10.0, result.DurationSeconds, 1);
    }

    [Fact]
    public async Task A_music_file_that_is_not_audio_is_a_clear_input_error()
    {
        using var media = new MixMedia();
        var voice = await media.GenerateAsync("voice.wav", "sine=d=1");
        var fake = media.PathOf("music.mp3");
        await File.WriteAllTextAsync(fake, "this is not an mp3, just text with the wrong name");
        var e = await Assert.ThrowsAsync<InputException>(() =>
            media.MixTool().InvokeAsync(new MixArguments { Voice = voice, Music = fake }, media.Context()));
        Assert.Contains("music", e.Message);
        Assert.Contains(".mp3", e.Hint);
    }

    [Fact]
    public async Task An_image_as_music_has_no_audio_stream()
    {
        using var media = new MixMedia();
        var voice = await media.GenerateAsync("voice.wav", "sine=d=1");
        var image = media.PathOf("cover.png");
        await media.Ffmpeg.RunAsync(["-f", "lavfi", "-i", "testsrc=size=32x32:d=1", "-frames:v", "1", image], 0, null, "png", CancellationToken.None);
        var e = await Assert.ThrowsAsync<InputException>(() =>
            media.MixTool().InvokeAsync(new MixArguments { Voice = voice, Music = image }, media.Context()));
        Assert.Contains("no audio stream", e.Message);
    }

    [Fact]
    public async Task Volume_out_of_range_fails_before_any_work()
    {
        using var media = new MixMedia();
        var e = await Assert.ThrowsAsync<InputException>(() =>
            media.MixTool().InvokeAsync(new MixArguments { Voice = "missing.wav", VoiceVolume = 3 }, media.Context()));
        Assert.Contains("voice_volume 3 is out of range 0 to 2", e.Message);
    }

    [Fact]
    public async Task An_empty_voice_path_is_an_input_error()
    {
        using var media = new MixMedia();
        var e = await Assert.ThrowsAsync<InputException>(() => media.MixTool().InvokeAsync(new MixArguments { Voice = " " }, media.Context()));
        Assert.Contains("voice", e.Message);
    }

    [Fact]
    public async Task Background_and_original_together_is_an_input_error()
    {
        using var media = new MixMedia();
        var voice = await media.GenerateAsync("voice.wav", "sine=d=1");
        await Assert.ThrowsAsync<InputException>(() =>
            media.MixTool().InvokeAsync(new MixArguments { Voice = voice, Background = voice, Original = voice }, media.Context()));
    }

    [Fact]
    public async Task With_the_separation_s_vocals_the_original_voice_leaves_the_background_under_the_dub()
    {
        using var media = new MixMedia();
        // The original voice: pink-noise phrases; the separation kept 70 % of it and left 30 % in the background.
        const string phrases = "volume='between(t,1,3.5)+between(t,5,8)':eval=frame,lowpass=f=4000,highpass=f=150";
        var original = await media.GenerateAsync("original.wav", "anoisesrc=d=10:c=pink:r=48000:a=0.2:seed=3", phrases, "-ac", "2", "-c:a", "pcm_f32le");
        var vocals = await media.GenerateAsync("vocals.wav", $"amovie={original}", "volume=0.7", "-c:a", "pcm_f32le");
        var background = media.PathOf("background.wav");
        await media.Ffmpeg.RunAsync(["-f", "lavfi", "-i", "sine=f=220:d=10:sample_rate=48000", "-i", original, "-filter_complex",
            "[0:a]aformat=channel_layouts=stereo,volume=0.3[m];[1:a]volume=0.3[r];[m][r]amix=inputs=2:normalize=0", "-c:a", "pcm_f32le", background],
            10, null, "background with remains", CancellationToken.None);
        var dub = await media.GenerateAsync("dub.wav", "anoisesrc=d=10:c=brown:r=24000:a=0.2:seed=9", "volume='between(t,1.2,3.6)+between(t,5.1,8.1)':eval=frame,lowpass=f=3000");

        var plain = await media.MixTool().InvokeAsync(new MixArguments { Voice = dub, Background = background }, media.Context("without"));
        var cleaned = await media.MixTool().InvokeAsync(new MixArguments { Voice = dub, Background = background, Vocals = vocals }, media.Context("with"));

        Assert.Null(plain.VoiceResidue);
        Assert.NotNull(cleaned.VoiceResidue);
        Assert.InRange(cleaned.VoiceResidue!.CutSeconds, 3, 8);
        Assert.Contains(cleaned.Notes, n => n.Contains("original voice's remains"));
        var without = GainOf(original, plain.Path);
        var with = GainOf(original, cleaned.Path);
        Assert.True(with < without - 12, $"the original voice went from {without:0.0} dB to only {with:0.0} dB in the mix");
    }

    [Fact]
    public async Task Vocals_without_a_background_and_a_depth_out_of_range_are_input_errors()
    {
        using var media = new MixMedia();
        var voice = await media.GenerateAsync("voice.wav", "sine=d=1");
        var alone = await Assert.ThrowsAsync<InputException>(() =>
            media.MixTool().InvokeAsync(new MixArguments { Voice = voice, Original = voice, Vocals = voice }, media.Context()));
        Assert.Contains("'vocals' was given without 'background'", alone.Message);
        var deep = await Assert.ThrowsAsync<InputException>(() =>
            media.MixTool().InvokeAsync(new MixArguments { Voice = voice, VoiceResidueDepthDb = 80 }, media.Context()));
        Assert.Contains("voice_residue_depth_db 80 is out of range 0 to 60", deep.Message);
    }

    /// <summary>Least-squares gain of a (stereo) source inside a mix of the same rate, dB.</summary>
    private static double GainOf(string source, string mix)
    {
        var (_, s) = WavReader.ReadAll(source);
        var (_, m) = WavReader.ReadAll(mix);
        double cross = 0, energy = 0;
        for (var i = 0; i < Math.Min(s.Length, m.Length); i++)
        {
            cross += (double)s[i] * m[i];
            energy += (double)s[i] * s[i];
        }
        return 20 * Math.Log10(Math.Abs(cross / energy) + 1e-12);
    }
}
