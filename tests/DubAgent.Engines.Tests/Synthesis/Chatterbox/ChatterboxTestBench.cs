using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Voices;
using DubAgent.Engines.Synthesis.Chatterbox;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Tests.Synthesis.Chatterbox;

/// <summary>A contract server, the chatterbox engine pointed at it, and samples to clone from, for the chatterbox tests.</summary>
public sealed class ChatterboxTestBench : IDisposable
{
    public ChatterboxTestBench(bool multilingual = true, IDictionary<string, string?>? settings = null)
    {
        Server = new ChatterboxContractServer(multilingual);
        var all = new Dictionary<string, string?> { ["Chatterbox:BaseUrl"] = Server.BaseUrl };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        Kit = new SynthesisTestKit(all);
    }

    public ChatterboxContractServer Server { get; }

    public SynthesisTestKit Kit { get; }

    public ChatterboxSynthesizer Engine => Kit.Services.GetRequiredService<ChatterboxSynthesizer>();

    public EngineContext Context => new() { WorkDirectory = Kit.Directory };

    public static ConsentRecord Consent => new("Ana Torres", "I, Ana Torres, agree that my voice may be cloned.", DateTimeOffset.Parse("2026-11-30T10:00:00Z"), ["ab"]);

    /// <summary>A 1.2 s sample (0.1 s silence, 1 s tone, 0.1 s silence) at 16 kHz.</summary>
    public string Sample(string name)
    {
        var path = Kit.PathOf(name);
        SynthesisTestKit.WriteTone(path, 16000, 0.1, 1.0, 0.1);
        return path;
    }

    /// <summary>Clones Ana from two samples and returns the voice name.</summary>
    public Task<string> CloneAnaAsync() => Engine.CloneAsync("Ana Torres", [Sample("ana-1.wav"), Sample("ana-2.wav")], Consent, default);

    public Task SpeakAsync(string text, string language, string voice, string file, IReadOnlyDictionary<string, string>? options = null) =>
        Engine.SynthesizeAsync(new SpeechRequest(text, language, voice, Kit.PathOf(file), options), Context);

    public void Dispose()
    {
        Server.Dispose();
        Kit.Dispose();
    }
}
