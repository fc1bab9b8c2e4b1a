using System.Text.Json;
using DubAgent.Abstractions.Media;
using DubAgent.Core.Media;
using DubAgent.Engines.Export;
using DubAgent.Engines.Mixing;
using DubAgent.Engines.Tests.Mixing;
using Xunit.Abstractions;

namespace DubAgent.Engines.Tests.Export;

/// <summary>
/// Hot sources through the real mix and export: the true peak of the exported file, measured on the file, stays at or
/// under -1 dBTP. Before the mix rendered in the delivered format and export checked its own encode, these sources came
/// out at about 0 dBTP.
/// </summary>
public class DeliveredTruePeakTests(ITestOutputHelper output)
{
    /// <summary>A 4 s 25 fps video whose audio is <paramref name="audio"/> (a lavfi source), stored as 24-bit PCM.</summary>
    private static async Task<string> VideoWithAudioAsync(MixMedia media, string name, string audio, string? filterComplex = null)
    {
        var path = media.PathOf(name);
        var args = new List<string> { "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25:d=4", "-f", "lavfi", "-i", audio };
        args.AddRange(filterComplex is null ? ["-map", "0:v", "-map", "1:a"] : ["-filter_complex", filterComplex, "-map", "0:v", "-map", "[a]"]);
        args.AddRange(["-c:v", "libx264", "-preset", "ultrafast", "-c:a", "pcm_s24le", "-t", "4", path]);
        await media.Ffmpeg.RunAsync(args, 4, null, $"make {name}", CancellationToken.None);
        return path;
    }

    private static Task<string> VoiceAsync(MixMedia media) =>
        media.GenerateAsync("voice.wav", "anoisesrc=d=4:c=pink:r=24000:a=0.2:seed=1", "lowpass=f=4000");

    /// <summary>Pink noise hard-clipped at 0 dBFS in six channels, each a few ms later than the last, at 48 kHz.</summary>
    private static Task<string> Hot51Async(MixMedia media) => VideoWithAudioAsync(media, "hot 5.1.mov",
        "anoisesrc=d=4:c=pink:r=48000:a=1:seed=2,asoftclip=type=hard",
        "[1:a]asplit=6[c0][c1][c2][c3][c4][c5];[c1]adelay=3[d1];[c2]adelay=7[d2];[c3]adelay=11[d3];[c4]adelay=13[d4];[c5]adelay=17[d5];" +
        "[c0][d1][d2][d3][d4][d5]join=inputs=6:channel_layout=5.1[a]");

    /// <summary>Stereo pink noise hard-clipped at 0 dBFS, at 96 kHz.</summary>
    private static Task<string> Hot96kAsync(MixMedia media) => VideoWithAudioAsync(media, "hot 96k.mov",
        "anoisesrc=d=4:c=pink:r=96000:a=1:seed=2,asoftclip=type=hard,aformat=channel_layouts=stereo");

    private async Task<(MixResult Mix, ExportedVideo Video, LoudnessMeasurement Measured)> MixAndExportAsync(MixMedia media, string source,
        MixArguments mix, string bitrate = "192k")
    {
        var mixed = await media.MixTool().InvokeAsync(mix, media.Context("mix"));
        var result = await media.ExportTool().InvokeAsync(new ExportArguments
        {
            Video = source, Mix = mixed.Path, Language = "es", AudioBitrate = bitrate,
        }, media.Context("export"));
        var video = Assert.Single(result.Videos);
        var measured = await media.Meter.MeasureAsync(video.Path, CancellationToken.None);
        output.WriteLine($"{Path.GetFileName(source)}: mix {mixed.SampleRate} Hz x{mixed.Channels} at {mixed.Loudness.TruePeakDbtp} dBTP; " +
                         $"exported file measures {measured.TruePeakDbtp} dBTP, {measured.IntegratedLufs} LUFS after {video.Encodes} encode(s), gain {video.ExportGainDb} dB");
        return (mixed, video, measured);
    }

    [Theory]
    [InlineData("5.1 at 48 kHz")]
    [InlineData("96 kHz 24-bit")]
    public async Task A_hot_source_is_mixed_in_the_delivered_format_and_exported_under_minus_1_dBTP(string kind)
    {
        using var media = new MixMedia();
        var source = kind.StartsWith("5.1", StringComparison.Ordinal) ? await Hot51Async(media) : await Hot96kAsync(media);
        // A loud target makes the limiter work hard: the case where the encoder's overshoot shows.
        var (mix, video, measured) = await MixAndExportAsync(media, source,
            new MixArguments { Voice = await VoiceAsync(media), Original = source, Video = source, Loudness = "custom", LoudnessTargetLufs = -8 });

        Assert.Equal((48000, 2), (mix.SampleRate, mix.Channels));
        Assert.Equal("gain_and_limiter", mix.Loudness.Method);
        Assert.True(measured.TruePeakDbtp <= -1.0, $"exported true peak {measured.TruePeakDbtp} dBTP");
        Assert.Equal(measured.TruePeakDbtp, video.TruePeakDbtp);
        var delivered = (await media.Probe.ProbeAsync(video.Path, CancellationToken.None)).FirstAudio!;
        Assert.Equal((48000, 2), (delivered.SampleRate, delivered.Channels));
    }

    [Fact]
    public async Task When_the_encoder_pushes_the_peak_over_the_ceiling_the_dub_is_encoded_again_with_less_gain()
    {
        using var media = new MixMedia();
        var source = await Hot96kAsync(media);
        // At 64 kbit/s the encoder's noise lifts this limited mix from -1.5 to about -0.1 dBTP.
        var (mix, video, measured) = await MixAndExportAsync(media, source,
            new MixArguments { Voice = await VoiceAsync(media), Original = source, Video = source, Loudness = "custom", LoudnessTargetLufs = -8 },
            bitrate: "64k");

        Assert.True(mix.Loudness.TruePeakDbtp <= LoudnessTarget.MixCeilingDbtp + 0.05, $"mix true peak {mix.Loudness.TruePeakDbtp} dBTP");
        Assert.InRange(video.Encodes, 2, 1 + TruePeakGuard.MaxReencodes);
        Assert.True(video.ExportGainDb < 0, $"export gain {video.ExportGainDb} dB");
        Assert.True(measured.TruePeakDbtp <= -1.0, $"exported true peak {measured.TruePeakDbtp} dBTP");

        // The manifest records what the final file measures, not the first encode.
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(video.ManifestPath));
        var loudness = manifest.RootElement.GetProperty("loudness");
        Assert.Equal(measured.TruePeakDbtp, loudness.GetProperty("true_peak_dbtp").GetDouble());
        Assert.Equal(measured.IntegratedLufs, loudness.GetProperty("integrated_lufs").GetDouble());
        Assert.Equal(video.Encodes, loudness.GetProperty("encodes").GetInt32());
        Assert.Equal(video.ExportGainDb, loudness.GetProperty("export_gain_db").GetDouble());
        // Nothing of the earlier encodes is left beside the result.
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(video.Path)!, "*.partial*"));
    }
}
