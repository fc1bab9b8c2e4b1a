using System.IO.Compression;
using DubAgent.Cli.Tests.Support;

namespace DubAgent.Cli.Tests.Demo;

/// <summary>The main job, end to end: `dubagent demo` makes the demo and dubs it into Spanish with the built-in engines.</summary>
[Collection(DemoCollection.Name)]
public sealed class DemoDubbingTests(DemoFixture demo) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Demo_dubs_the_video_into_spanish_and_says_where_the_video_and_package_are()
    {
        // The fixture's demo, copied with its marker, so the command reuses it and goes straight to dubbing.
        var target = _folder["demo"];
        CopyDirectory(demo.Media.Directory, target);

        var run = await CliRun.InProcessAsync("demo", "--out", target);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var dubbed = Path.Combine(target, "dub", "export", "es_demo_dubbed.mp4");
        Assert.Contains($"Dubbed video: {dubbed}", run.Stdout);
        var info = await demo.Probe.ProbeAsync(dubbed, CancellationToken.None);
        Assert.Equal(60, info.Duration, 1);
        Assert.Equal("h264", info.FirstVideo!.Codec);
        Assert.Equal("aac", info.FirstAudio!.Codec);
        Assert.Equal("spa", info.FirstAudio.Language);
        Assert.Equal(info.FirstVideo.Duration!.Value, info.FirstAudio.Duration!.Value, 0.04);

        var package = Path.Combine(target, "dub", "export", "demo_dubbed.zip");
        Assert.Contains($"Package:      {package}", run.Stdout);
        using var zip = ZipFile.OpenRead(package);
        Assert.Contains(zip.Entries, e => e.Name == "manifest.json");
        Assert.Contains(zip.Entries, e => e.Name == "es_demo_dubbed.mp4");
        Assert.Contains(zip.Entries, e => e.Name.EndsWith(".srt", StringComparison.Ordinal));

        // The manifest says which engines dubbed it: the built-in ones that run on a fresh machine.
        using var manifest = new StreamReader(zip.Entries.First(e => e.Name == "manifest.json").Open());
        var text = await manifest.ReadToEndAsync();
        foreach (var engine in new[] { "espeak-ng", "apertium", "pocketsphinx", "mfcc", "dsp" }) Assert.Contains(engine, text);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.EnumerateDirectories(from)) CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
