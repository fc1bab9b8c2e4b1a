using System.IO.Compression;
using System.Text.Json;
using DubAgent.Abstractions.Errors;
using DubAgent.Engines.Export;
using DubAgent.Engines.Tests.Mixing;

namespace DubAgent.Engines.Tests.Export;

/// <summary>Stems handed over with the dub (the M&amp;E track for professionals): in the package under stems/, listed in every manifest.</summary>
public class ExportStemsTests
{
    private static async Task<(string Video, string Mix, Dictionary<string, string> Stems)> InputsAsync(MixMedia media)
    {
        var video = media.PathOf("film.mp4");
        await media.Ffmpeg.RunAsync(["-f", "lavfi", "-i", "testsrc=size=160x120:rate=25:d=3", "-f", "lavfi", "-i", "sine=f=300:d=3",
            "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", video], 3, null, "make video", CancellationToken.None);
        var mix = await media.GenerateAsync("mix.wav", "anoisesrc=d=3:c=pink:r=48000:a=0.1:seed=4", null, "-ac", "2");
        var stems = new Dictionary<string, string>
        {
            ["vocals"] = await media.GenerateAsync("vocals.wav", "sine=f=200:d=3:sample_rate=48000", null, "-ac", "2"),
            ["music_and_effects"] = await media.GenerateAsync("music_and_effects.wav", "sine=f=440:d=3:sample_rate=48000", null, "-ac", "2"),
        };
        return (video, mix, stems);
    }

    [Fact]
    public async Task Stems_go_into_the_package_under_stems_and_every_manifest_lists_them()
    {
        using var media = new MixMedia();
        var (video, mix, stems) = await InputsAsync(media);

        var result = await media.ExportTool().InvokeAsync(new ExportArguments { Video = video, Mix = mix, Language = "es", Stems = stems },
            media.Context("export"));

        using var zip = ZipFile.OpenRead(result.PackagePath!);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("stems/music_and_effects.wav", names);
        Assert.Contains("stems/vocals.wav", names);
        Assert.Equal(new FileInfo(stems["music_and_effects"]).Length, zip.GetEntry("stems/music_and_effects.wav")!.Length);
        using var manifest = JsonDocument.Parse(File.ReadAllText(result.Videos[0].ManifestPath));
        var listed = manifest.RootElement.GetProperty("stems").EnumerateArray().ToList();
        Assert.Equal(["music_and_effects", "vocals"], listed.Select(s => s.GetProperty("name").GetString()));
        var me = listed[0];
        Assert.Equal("../stems/music_and_effects.wav", me.GetProperty("file").GetString());
        Assert.True(me.GetProperty("in_package").GetBoolean());
        Assert.Equal(48000, me.GetProperty("sample_rate").GetInt32());
        Assert.Equal(2, me.GetProperty("channels").GetInt32());
        Assert.Equal(3.0, me.GetProperty("duration_seconds").GetDouble(), 1);
    }

    [Fact]
    public async Task Without_package_stems_the_manifest_still_lists_them_and_a_bad_stem_is_refused_first()
    {
        using var media = new MixMedia();
        var (video, mix, stems) = await InputsAsync(media);

        var result = await media.ExportTool().InvokeAsync(new ExportArguments
        {
            Video = video, Mix = mix, Language = "es", Stems = stems, PackageStems = false,
        }, media.Context("listed"));

        using (var zip = ZipFile.OpenRead(result.PackagePath!))
            Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("stems/", StringComparison.Ordinal));
        using (var manifest = JsonDocument.Parse(File.ReadAllText(result.Videos[0].ManifestPath)))
        {
            var me = manifest.RootElement.GetProperty("stems").EnumerateArray().First();
            Assert.Equal("music_and_effects.wav", me.GetProperty("file").GetString());
            Assert.False(me.GetProperty("in_package").GetBoolean());
        }

        var context = media.Context("bad");
        var bad = await Assert.ThrowsAsync<InputException>(() => media.ExportTool().InvokeAsync(new ExportArguments
        {
            Video = video, Mix = mix, Language = "es", Stems = new() { ["../me"] = stems["vocals"] },
        }, context));
        Assert.Contains("'../me'", bad.Message);
        Assert.False(Directory.Exists(context.WorkDirectory) && Directory.EnumerateFiles(context.WorkDirectory, "*.mp4").Any());
    }
}
