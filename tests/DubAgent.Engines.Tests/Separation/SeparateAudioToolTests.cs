using System.Text.Json;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Media;
using DubAgent.Engines.Separation;

namespace DubAgent.Engines.Tests.Separation;

/// <summary>separate_audio on awkward inputs, through the real ffmpeg: layouts, rates, silence, clipping, tiny and audio-only files.</summary>
public sealed class SeparateAudioToolTests : IDisposable
{
    private readonly SeparationMedia _media = new();

    private const string Voice = "0.3*sin(2*PI*(140+15*sin(2*PI*4*t))*t)*lt(mod(t,1.5),1)+0.15*sin(4*PI*(140+15*sin(2*PI*4*t))*t)*lt(mod(t,1.5),1)";

    private async Task<SeparateAudioResult> SeparateAsync(string input, string engine = "dsp", string? stems = null) =>
        await _media.Tool(SeparationMedia.Bare()).Tool.InvokeAsync(new SeparateAudioArguments { Input = input, Engine = engine, Stems = stems },
            _media.Context(Path.GetFileNameWithoutExtension(input) + engine));

    [Theory]
    [InlineData(8000, "mono", 1)]
    [InlineData(44100, "stereo", 2)]
    [InlineData(96000, "mono", 1)]
    [InlineData(48000, "5.1", 6)]
    public async Task Stems_keep_the_source_rate_and_channels(int rate, string layout, int channels)
    {
        var input = await _media.GenerateAsync($"src-{rate}-{channels}.wav", $"aevalsrc='{Voice}':s={rate}:d=3",
            "-af", $"aformat=channel_layouts={layout}", "-c:a", "pcm_s16le");
        var result = await SeparateAsync(input);
        Assert.True(result.Separated);
        Assert.Equal(rate, result.SampleRate);
        foreach (var stem in new[] { "vocals", "background" })
        {
            using var reader = new WavReader(result.Stems[stem]);
            Assert.Equal(rate, reader.Format.SampleRate);
            Assert.Equal(channels, reader.Format.Channels);
            Assert.Equal(3.0, reader.Duration, 0.01);
        }
        if (channels == 6)
        {
            // 5.1: dialogue comes from the centre channel only; the other channels stay whole in the background.
            var (_, vocals) = WavReader.ReadAll(result.Stems["vocals"]);
            for (var i = 0; i < vocals.Length; i++)
                if (i % 6 != 2) Assert.Equal(0f, vocals[i]);
            Assert.Contains(vocals.Where((_, i) => i % 6 == 2), v => Math.Abs(v) > 0.01f);
        }
        var record = JsonDocument.Parse(File.ReadAllText(result.Record)).RootElement;
        Assert.Equal("dsp", record.GetProperty("engine").GetString());
        Assert.True(record.GetProperty("separated").GetBoolean());
    }

    [Fact]
    public async Task Silence_a_clipped_source_and_a_fifth_of_a_second_all_give_stems()
    {
        var silence = await _media.GenerateAsync("silence.wav", "anullsrc=r=22050:cl=stereo", "-t", "2", "-c:a", "pcm_s16le");
        var clipped = await _media.GenerateAsync("clipped.wav", $"aevalsrc='8*({Voice})':s=32000:d=2", "-c:a", "pcm_s16le");
        var tiny = await _media.GenerateAsync("tiny.wav", $"aevalsrc='{Voice}':s=16000:d=0.2", "-c:a", "pcm_s16le");
        var quiet = await SeparateAsync(silence);
        Assert.All(WavReader.ReadAll(quiet.Stems["vocals"]).Samples, v => Assert.Equal(0f, v));
        var loud = await SeparateAsync(clipped, stems: "four");
        Assert.True(File.Exists(loud.Stems["music"]) && File.Exists(loud.Stems["sfx"]));
        var small = await SeparateAsync(tiny);
        using var reader = new WavReader(small.Stems["vocals"]);
        Assert.Equal(3200, reader.FrameCount);
    }

    [Fact]
    public async Task An_audio_only_compressed_file_is_decoded_first()
    {
        var input = await _media.GenerateAsync("speech.m4a", $"aevalsrc='{Voice}':s=44100:d=2", "-c:a", "aac");
        var result = await SeparateAsync(input);
        using var reader = new WavReader(result.Stems["background"]);
        Assert.Equal(44100, reader.Format.SampleRate);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(result.Record)!, ".source-*"));
    }

    [Fact]
    public async Task Ffmpeg_engine_extracts_the_original_and_says_it_did_not_separate()
    {
        var input = await _media.GenerateAsync("plain.wav", $"aevalsrc='{Voice}':s=48000:d=1", "-ac", "2", "-c:a", "pcm_s16le");
        var result = await SeparateAsync(input, "ffmpeg");
        Assert.False(result.Separated);
        Assert.Equal(["original"], result.Stems.Keys);
        Assert.Contains("no separation", result.Note);
        var record = JsonDocument.Parse(File.ReadAllText(result.Record)).RootElement;
        Assert.False(record.GetProperty("separated").GetBoolean());
    }

    [Fact]
    public async Task Without_an_engine_name_the_best_available_runs_and_missing_ones_say_how_to_install()
    {
        var input = await _media.GenerateAsync("default.wav", $"aevalsrc='{Voice}':s=16000:d=1", "-c:a", "pcm_s16le");
        var result = await SeparateAsync(input, engine: null!);
        Assert.Equal("dsp", result.Engine);
        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => SeparateAsync(input, "demucs"));
        Assert.Contains("pip install", error.Hint);
        var uvr = await Assert.ThrowsAsync<EngineUnavailableException>(() => SeparateAsync(input, "uvr"));
        Assert.Contains("audio-separator", uvr.Hint);
    }

    [Fact]
    public async Task Bad_arguments_and_files_without_audio_are_clear_errors()
    {
        var video = _media.PathOf("mute.mp4");
        await _media.Ffmpeg.RunAsync(["-f", "lavfi", "-i", "testsrc=size=64x64:rate=5:duration=1", "-c:v", "libx264", "-pix_fmt", "yuv420p", video],
            0, null, "video", CancellationToken.None);
        var noAudio = await Assert.ThrowsAsync<InputException>(() => SeparateAsync(video));
        Assert.Contains("no audio", noAudio.Message);
        await Assert.ThrowsAsync<InputException>(() => SeparateAsync(_media.PathOf("missing.wav")));
        var input = await _media.GenerateAsync("args.wav", $"aevalsrc='{Voice}':s=16000:d=1", "-c:a", "pcm_s16le");
        await Assert.ThrowsAsync<InputException>(() => SeparateAsync(input, stems: "five"));
        await Assert.ThrowsAsync<InputException>(() => SeparateAsync(input, engine: "spleeter"));
    }

    [Fact]
    public async Task Music_and_effects_is_the_background_without_the_voice_s_remains_and_the_plain_route_says_it_has_none()
    {
        var input = await _media.GenerateAsync("talk.wav",
            $"aevalsrc='{Voice}+0.05*sin(2*PI*523*t)':s=44100:d=4", "-ac", "2", "-c:a", "pcm_s16le");
        var tool = _media.Tool(SeparationMedia.Bare()).Tool;

        var separated = await tool.InvokeAsync(new SeparateAudioArguments { Input = input, Engine = "dsp", MusicAndEffects = true }, _media.Context("me"));
        var plain = _media.Context("plain");
        var extracted = await tool.InvokeAsync(new SeparateAudioArguments { Input = input, Engine = "ffmpeg", MusicAndEffects = true }, plain);

        var me = separated.Stems[SeparateAudioTool.MusicAndEffectsStem];
        Assert.Equal("music_and_effects.wav", Path.GetFileName(me));
        using (var reader = new WavReader(me))
            Assert.Equal((44100, 2, 4.0), (reader.Format.SampleRate, reader.Format.Channels, Math.Round(reader.Duration, 2)));
        var record = JsonDocument.Parse(File.ReadAllText(separated.Record)).RootElement;
        Assert.Equal(me, record.GetProperty("stems").GetProperty("music_and_effects").GetString());
        // The M&E track holds less of the voice's band than the background it was made from.
        Assert.True(Energy(me) < Energy(separated.Stems["background"]));
        Assert.DoesNotContain(SeparateAudioTool.MusicAndEffectsStem, extracted.Stems.Keys);
        Assert.Contains(plain.Report.Notes, n => n.Contains("no music_and_effects.wav"));
    }

    private static double Energy(string wav) => WavReader.ReadAll(wav).Samples.Sum(v => (double)v * v);

    public void Dispose() => _media.Dispose();
}
