using DubAgent.Core.Hosting;
using DubAgent.Engines;
using DubAgent.Server.Hosting;
using DubAgent.Server.Tests.Support;
using DubAgent.Server.Transports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DubAgent.Server.Tests.Live;

/// <summary>A `serve --http` host with the built-in engines and the shared Silero VAD model, and real speech to stream at it.</summary>
public static class LiveHost
{
    public static readonly string SharedDirectory = FindShared();

    public static async Task<McpHttpHost> StartAsync(TempFolder temp, string? token = null, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Configuration(temp, settings));
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddDubAgentCore();
        services.AddBuiltInEngines();
        configure?.Invoke(services);
        var options = new DubAgentServerOptions { JobsDirectory = temp.Sub("jobs") };
        var server = new DubAgentServer(services.BuildServiceProvider(), options);
        return await McpHttpHost.StartAsync(server, HttpBinding.Parse("127.0.0.1:0", token), CancellationToken.None);
    }

    /// <summary>The host's settings: the shared Silero model and a voice library inside <paramref name="temp"/> (never the user's).</summary>
    public static IConfiguration Configuration(TempFolder temp, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Vad:Model"] = Path.Combine(SharedDirectory, "models", "silero_vad.onnx"),
            ["Voices:Directory"] = Path.Combine(temp.Path, "voices"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    /// <summary>The voice library the host of <paramref name="temp"/> uses, opened beside it (the library is safe across processes).</summary>
    public static DubAgent.Abstractions.Voices.IVoiceLibrary Library(TempFolder temp)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Configuration(temp));
        services.AddDubAgentCore();
        return services.BuildServiceProvider().GetRequiredService<DubAgent.Abstractions.Voices.IVoiceLibrary>();
    }

    /// <summary>The two-speaker pyannote sample (16 kHz mono) as PCM16.</summary>
    public static short[] PyannoteSample() =>
        DubAgent.Server.Live.Client.LiveStreamClient.ReadPcm16(Path.Combine(SharedDirectory, "data", "pyannote_sample", "sample.wav"));

    /// <summary>JFK's 11 s inaugural excerpt (16 kHz mono) as PCM16.</summary>
    public static short[] Jfk() => DubAgent.Server.Live.Client.LiveStreamClient.ReadPcm16(Path.Combine(SharedDirectory, "data", "jfk", "jfk.wav"));

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "shared", "data"))) return Path.Combine(dir.FullName, "shared");
        throw new DirectoryNotFoundException("../shared (data and models) was not found above " + AppContext.BaseDirectory);
    }
}
