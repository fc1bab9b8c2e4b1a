using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Tools;
using DubAgent.Core.Hosting;
using DubAgent.Core.Media;
using DubAgent.Engines.Synthesis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Tests.Synthesis;

/// <summary>A temporary folder, services with the synthesis engines, and small WAV makers for the synthesis tests.</summary>
public sealed class SynthesisTestKit : IDisposable
{
    public SynthesisTestKit(IDictionary<string, string?>? settings = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), $"dubagent-synth-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Directory);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddDubAgentCore();
        services.AddSynthesis();
        Services = services.BuildServiceProvider();
    }

    public string Directory { get; }

    public ServiceProvider Services { get; }

    public string PathOf(string name) => Path.Combine(Directory, name);

    public ToolContext Context(string step = "synthesize") => new()
    {
        WorkDirectory = System.IO.Directory.CreateDirectory(Path.Combine(Directory, "job", step)).FullName,
        JobDirectory = Path.Combine(Directory, "job"),
        Services = Services,
    };

    /// <summary>A mono WAV: silence, then a tone of <paramref name="toneSeconds"/>, then silence.</summary>
    public static void WriteTone(string path, int rate, double leadSeconds, double toneSeconds, double tailSeconds, double hz = 220, float amplitude = 0.5f)
    {
        using var writer = new WavWriter(path, new AudioFormat(rate, 1));
        var lead = (int)(leadSeconds * rate);
        var tone = (int)(toneSeconds * rate);
        var tail = (int)(tailSeconds * rate);
        var samples = new float[lead + tone + tail];
        for (var i = 0; i < tone; i++) samples[lead + i] = amplitude * (float)Math.Sin(2 * Math.PI * hz * i / rate);
        writer.Write(samples);
        writer.Commit();
    }

    /// <summary>A constant-value mono WAV (easy to find again in an assembled track).</summary>
    public static void WriteConstant(string path, int rate, int frames, float value)
    {
        using var writer = new WavWriter(path, new AudioFormat(rate, 1));
        writer.Write(Enumerable.Repeat(value, frames).ToArray());
        writer.Commit();
    }

    public void Dispose()
    {
        Services.Dispose();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
