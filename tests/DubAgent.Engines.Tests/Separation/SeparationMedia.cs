using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Media;
using DubAgent.Core.Processes;
using DubAgent.Core.Registry;
using DubAgent.Engines.Separation;
using DubAgent.Engines.Separation.Demucs;
using DubAgent.Engines.Separation.Dsp;
using DubAgent.Engines.Separation.Plain;
using DubAgent.Engines.Separation.Uvr;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Tests.Separation;

/// <summary>A temporary folder, the real media layer (ffmpeg, ffprobe, espeak-ng) and the separation engines wired by hand.</summary>
public sealed class SeparationMedia : IDisposable
{
    public SeparationMedia()
    {
        Directory.CreateDirectory(Folder);
        Ffmpeg = new Ffmpeg(Runner);
        Probe = new MediaProbe(Runner);
        Media = new MediaToolkit(Probe, new AudioExtractor(Ffmpeg, Probe), Ffmpeg, new Muxer(Ffmpeg, Probe), new LoudnessMeter(Ffmpeg));
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"dubagent-sep-{Guid.NewGuid():N}");
    public ProcessRunner Runner { get; } = new();
    public Ffmpeg Ffmpeg { get; }
    public MediaProbe Probe { get; }
    public MediaToolkit Media { get; }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public ToolContext Context(string step) => new()
    {
        WorkDirectory = Path.Combine(Folder, step),
        JobDirectory = Folder,
        Services = new ServiceCollection().BuildServiceProvider(),
    };

    public static IConfiguration Configuration(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();

    /// <summary>The four engines in the product's order of preference, with the given configuration.</summary>
    public (SeparateAudioTool Tool, EngineRegistry Registry) Tool(IConfiguration configuration)
    {
        var conformer = new StemConformer(Ffmpeg);
        IEngine[] engines =
        [
            new DemucsSeparator(Runner, Media, conformer, configuration),
            new UvrSeparator(Runner, Media, conformer, configuration),
            new DspSeparator(Media),
            new PlainExtractionSeparator(Media),
        ];
        var registry = new EngineRegistry(engines);
        return (new SeparateAudioTool(registry, Media), registry);
    }

    /// <summary>Configuration in which demucs and uvr point at programs that do not exist (as on a fresh machine).</summary>
    public static IConfiguration Bare() => Configuration(
        ("Demucs:Program", "/nonexistent/demucs"), ("Demucs:Python", "/nonexistent/python3"), ("Uvr:Program", "/nonexistent/audio-separator"));

    /// <summary>Runs ffmpeg with a lavfi source into a file in the folder.</summary>
    public async Task<string> GenerateAsync(string name, string lavfi, params string[] output)
    {
        var path = PathOf(name);
        await Ffmpeg.RunAsync(["-f", "lavfi", "-i", lavfi, .. output, path], 0, null, $"generate {name}", CancellationToken.None);
        return path;
    }

    /// <summary>Speaks <paramref name="text"/> with espeak-ng into a WAV in the folder.</summary>
    public async Task<string> SpeakAsync(string name, string text, string voice = "en-us")
    {
        var path = PathOf(name);
        var result = await Runner.RunAsync(new ProcessRequest("espeak-ng", ["-v", voice, "-w", path, text]), CancellationToken.None);
        Assert.True(result.Succeeded, result.StderrTail);
        return path;
    }

    /// <summary>Writes an executable shell script (a stand-in for a program DubAgent drives) and returns its path.</summary>
    public string Script(string name, string body)
    {
        var bin = PathOf("bin");
        Directory.CreateDirectory(bin);
        var path = Path.Combine(bin, name);
        File.WriteAllText(path, "#!/bin/bash\n" + body);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
