using DubAgent.Core.Workspace;
using System.IO.Compression;
using System.Text.Json;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Media;
using DubAgent.Engines.Export;
using DubAgent.Engines.Mixing;
using DubAgent.Engines.Tests.Mixing;

namespace DubAgent.Engines.Tests.Export;

/// <summary>The export tool on a generated 4 s video (H.264 25 fps + AAC), with the real ffmpeg.</summary>
public class ExportToolTests
{
    private static async Task<string> VideoAsync(MixMedia media, double seconds = 4)
    {
        var video = media.PathOf("my video.mp4");
        await media.Ffmpeg.RunAsync(["-f", "lavfi", "-i", $"testsrc=size=160x120:rate=25:d={seconds}", "-f", "lavfi", "-i", $"sine=f=300:d={seconds}",
            "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", video], seconds, null, "make video", CancellationToken.None);
        return video;
    }

    private static Task<string> MixAsync(MixMedia media, string name, double seconds = 4) =>
        media.GenerateAsync(name, $"anoisesrc=d={seconds}:c=pink:r=48000:a=0.1:seed=4", null, "-ac", "2");

    private static async Task<string> SubtitleAsync(MixMedia media, string name)
    {
        var path = media.PathOf(name);
        await File.WriteAllTextAsync(path, "1\n00:00:00,500 --> 00:00:02,000\nHola, mundo.\n\n2\n00:00:02,500 --> 00:00:03,500\nAdiós.\n");
        return path;
    }

    /// <summary>MD5 of the video stream's packets, as ffmpeg's md5 muxer writes it: equal only for an untouched copy.</summary>
    private static async Task<string> VideoStreamHashAsync(MixMedia media, string file)
    {
        var hashFile = media.PathOf($"{Guid.NewGuid():N}.md5");
        await media.Ffmpeg.RunAsync(["-i", file, "-map", "0:v:0", "-c", "copy", "-f", "md5", hashFile], 0, null, "hash the video stream", CancellationToken.None);
        return await File.ReadAllTextAsync(hashFile);
    }

    [Fact]
    public async Task One_dub_copies_the_video_untouched_tags_the_language_and_ends_with_the_video()
    {
        using var media = new MixMedia();
        var video = await VideoAsync(media);
        var mix = await MixAsync(media, "mix.wav", 3.2); // shorter than the video: padded to it
        var subtitle = await SubtitleAsync(media, "translation.es.srt");
        var sameAsVtt = media.PathOf("translation.es.vtt");
        await File.WriteAllTextAsync(sameAsVtt, "WEBVTT\n\n00:00:00.500 --> 00:00:02.000\nHola, mundo.\n");
        var context = media.Context("export");

        var result = await media.ExportTool().InvokeAsync(new ExportArguments
        {
            Video = video, Mix = mix, Language = "es", SourceLanguage = "en", Subtitles = [subtitle, sameAsVtt],
            KeepOriginalAudio = true, EmbedSubtitles = true,
        }, context);

        var exported = Assert.Single(result.Videos);
        Assert.Equal("es_my_video_dubbed.mp4", Path.GetFileName(exported.Path));
        var info = await media.Probe.ProbeAsync(exported.Path, CancellationToken.None);
        var audio = info.Streams.Where(s => s.Kind == DubAgent.Abstractions.Media.StreamKind.Audio).ToList();
        Assert.Equal(2, audio.Count);
        Assert.Equal(("aac", "spa"), (audio[0].Codec, audio[0].Language));
        Assert.Equal("eng", audio[1].Language);
        // Both files are written beside the video; one stream per language goes inside it.
        var subtitles = Assert.Single(info.Streams, s => s.Kind == DubAgent.Abstractions.Media.StreamKind.Subtitle);
        Assert.Equal(("mov_text", "spa"), (subtitles.Codec, subtitles.Language));
        Assert.Equal("h264", info.FirstVideo!.Codec);
        Assert.Equal(await VideoStreamHashAsync(media, video), await VideoStreamHashAsync(media, exported.Path));
        Assert.True(exported.AudioVideoDifferenceMs <= 40, $"audio and video differ by {exported.AudioVideoDifferenceMs} ms (one frame is 40 ms)");
        Assert.Equal(40, exported.FrameMs, 1);
        Assert.True(File.Exists(Path.Combine(context.WorkDirectory, "es_my_video_dubbed.es.srt")));
        Assert.True(File.Exists(Path.Combine(context.WorkDirectory, "es_my_video_dubbed.es.vtt")));
        Assert.NotNull(result.PackagePath);
    }

    [Fact]
    public async Task Several_dubs_make_one_video_each_and_one_zip_with_manifests()
    {
        using var media = new MixMedia();
        var video = await VideoAsync(media);
        // The Spanish mix comes from the mix tool, so its record (volumes, loudness) reaches the manifest.
        var voice = await MixAsync(media, "voice.wav");
        var mixed = await media.MixTool().InvokeAsync(new MixArguments { Voice = voice, Original = video, Video = video }, media.Context("mix"));
        var french = await MixAsync(media, "fr.wav");
        var placements = media.PathOf("placements.json");
        await File.WriteAllTextAsync(placements, """
            { "engine": "espeak-ng", "language": "es",
              "cast": [ { "speaker": "SPEAKER_00", "voice": "es+m3", "source": "automatic" },
                        { "speaker": "SPEAKER_01", "voice": "es+f2", "source": "automatic" } ],
              "placements": [] }
            """);
        var translation = media.PathOf("translation.json");
        await File.WriteAllTextAsync(translation, """{ "engine": "apertium", "segments": [] }""");
        var transcript = media.PathOf("transcript.json");
        await File.WriteAllTextAsync(transcript, """{ "segments": [] }""");
        // What a recipe run hands the export in memory: its recipe and the engines its earlier steps ran.
        var recipeFile = media.PathOf("dub.yaml");
        await File.WriteAllTextAsync(recipeFile, "name: dub\nsteps: []\n");
        var history = new JobHistory("dub", recipeFile);
        history.Add(new StepRecord { Step = "separate", Tool = "separate_audio", EngineRan = "dsp" });
        var context = media.Context("export");
        context.Provenance = history;

        var result = await media.ExportTool().InvokeAsync(new ExportArguments
        {
            Video = video, Transcript = transcript, SourceLanguage = "en",
            Dubs =
            [
                new DubSpec { Mix = mixed.Path, Language = "es", Placements = placements, Translation = translation },
                new DubSpec { Mix = french, Language = "fr" },
                new DubSpec { Mix = french, Language = "fr", Voice = "Narrator B" },
            ],
        }, context);

        Assert.Equal(["es_my_video_dubbed.mp4", "fr_my_video_dubbed.mp4", "Narrator_B_my_video_dubbed.mp4"],
            result.Videos.Select(v => Path.GetFileName(v.Path)).ToArray());
        Assert.Equal("my_video_dubbed.zip", Path.GetFileName(result.PackagePath));
        using var zip = ZipFile.OpenRead(result.PackagePath!);
        var names = zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
        [
            "Narrator_B_my_video_dubbed/Narrator_B_my_video_dubbed.mp4", "Narrator_B_my_video_dubbed/manifest.json",
            "es_my_video_dubbed/es_my_video_dubbed.mp4", "es_my_video_dubbed/manifest.json", "es_my_video_dubbed/translation.json",
            "fr_my_video_dubbed/fr_my_video_dubbed.mp4", "fr_my_video_dubbed/manifest.json",
            "transcript.json",
        ], names);
        Assert.Equal(result.PackageEntries, names.Length);

        using var manifest = JsonDocument.Parse(zip.GetEntry("es_my_video_dubbed/manifest.json")!.Open());
        var m = manifest.RootElement;
        Assert.Equal("es", m.GetProperty("language").GetString());
        Assert.Equal(0.4, m.GetProperty("volumes").GetProperty("original").GetDouble());
        Assert.Equal(-16, m.GetProperty("mix_loudness").GetProperty("target_lufs").GetDouble());
        Assert.InRange(m.GetProperty("loudness").GetProperty("integrated_lufs").GetDouble(), -17, -15);
        Assert.True(m.GetProperty("loudness").GetProperty("true_peak_dbtp").GetDouble() <= -1);
        Assert.Equal("es+f2", m.GetProperty("speakers")[1].GetProperty("voice").GetString());
        Assert.Equal("espeak-ng", m.GetProperty("speakers")[0].GetProperty("engine").GetString());
        Assert.Equal("dsp", m.GetProperty("engines").GetProperty("separate_audio").GetString());
        Assert.Equal("espeak-ng", m.GetProperty("engines").GetProperty("synthesize").GetString());
        Assert.Equal("apertium", m.GetProperty("engines").GetProperty("translate").GetString());
        Assert.Equal("dub", m.GetProperty("recipe").GetProperty("name").GetString());
        Assert.Contains("steps: []", m.GetProperty("recipe").GetProperty("text").GetString());
        using var french1 = JsonDocument.Parse(zip.GetEntry("Narrator_B_my_video_dubbed/manifest.json")!.Open());
        Assert.Equal("Narrator B", french1.RootElement.GetProperty("voice").GetString());
    }

    [Fact]
    public async Task A_source_without_video_is_exported_as_audio_only_with_a_note()
    {
        using var media = new MixMedia();
        var source = await media.GenerateAsync("podcast.m4a", "sine=d=3", null, "-c:a", "aac");
        var mix = await MixAsync(media, "mix.wav", 3);
        var result = await media.ExportTool().InvokeAsync(new ExportArguments { Video = source, Mix = mix, Language = "de" }, media.Context("export"));
        var exported = Assert.Single(result.Videos);
        Assert.True(exported.AudioOnly);
        Assert.Equal("de_podcast_dubbed.m4a", Path.GetFileName(exported.Path));
        Assert.Contains(result.Notes, n => n.Contains("no video stream"));
        var info = await media.Probe.ProbeAsync(exported.Path, CancellationToken.None);
        Assert.Null(info.FirstVideo);
        Assert.Equal("ger", info.FirstAudio!.Language);
    }

    [Fact]
    public async Task Bad_inputs_are_clear_errors_before_anything_is_written()
    {
        using var media = new MixMedia();
        var video = await VideoAsync(media, 1);
        var mix = await MixAsync(media, "mix.wav", 1);
        var notSubtitles = media.PathOf("notes.txt");
        await File.WriteAllTextAsync(notSubtitles, "hello");
        var tool = media.ExportTool();
        var context = media.Context("export");

        await Assert.ThrowsAsync<InputException>(() => tool.InvokeAsync(new ExportArguments { Video = video }, context));
        await Assert.ThrowsAsync<InputException>(() => tool.InvokeAsync(new ExportArguments { Video = video, Mix = mix }, context));
        var e = await Assert.ThrowsAsync<InputException>(() =>
            tool.InvokeAsync(new ExportArguments { Video = video, Mix = mix, Language = "es", Subtitles = [notSubtitles] }, context));
        Assert.Contains(".srt or .vtt", e.Message);
        await Assert.ThrowsAsync<InputException>(() => tool.InvokeAsync(new ExportArguments
        {
            Video = video, Dubs = [new DubSpec { Mix = mix, Language = "es" }, new DubSpec { Mix = mix, Language = "es" }],
        }, context));
        await Assert.ThrowsAsync<InputException>(() =>
            tool.InvokeAsync(new ExportArguments { Video = video, Mix = media.PathOf("missing.wav"), Language = "es" }, context));
        Assert.False(Directory.Exists(context.WorkDirectory) && Directory.EnumerateFiles(context.WorkDirectory).Any());
    }

    [Theory]
    [InlineData(null, "es", "clip.mp4", "es_clip_dubbed")]
    [InlineData("Ana / María", "es", "/x/My Film.mov", "Ana___María_My_Film_dubbed")]
    public void File_names_follow_voice_or_language_then_video_name(string? voice, string language, string video, string expected) =>
        Assert.Equal(expected, DubbedFileName.Stem(voice, language, video));
}
