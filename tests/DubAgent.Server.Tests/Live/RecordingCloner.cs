using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Media;
using DubAgent.Abstractions.Voices;
using DubAgent.Core.Media;

namespace DubAgent.Server.Tests.Live;

/// <summary>
/// A test double of a cloning engine (the IVoiceCloner contract: samples and consent in, a voice id out): it records
/// what the live server handed it, and speaks a cloned voice as a 24 kHz tone so a test can tell its audio from espeak-ng's.
/// </summary>
public sealed class RecordingCloner : ISynthesizer, IVoiceCloner
{
    public const int Rate = 24_000;

    public string Name => "test-cloner";
    public string Capability => Capabilities.Synthesize;
    public string Description => "Test double of a cloning synthesis engine.";
    public List<(string Name, IReadOnlyList<string> Samples, ConsentRecord Consent)> Clones { get; } = [];
    public List<SpeechRequest> Spoken { get; } = [];

    public Task<EngineStatus> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(EngineStatus.Ready("1"));

    public Task<IReadOnlyList<VoiceInfo>> ListVoicesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<VoiceInfo>>(Clones.Select((c, i) => new VoiceInfo($"clone-{i}", ["es"])).ToList());

    public Task SynthesizeAsync(SpeechRequest request, EngineContext context)
    {
        lock (Spoken) Spoken.Add(request);
        var tone = Enumerable.Range(0, Rate / 2).Select(i => 0.5f * MathF.Sin(2 * MathF.PI * 440 * i / Rate)).ToArray();
        WavWriter.WriteAll(request.OutputPath, new AudioFormat(Rate, 1), tone);
        return Task.CompletedTask;
    }

    /// <summary>When set, a clone waits for it (a slow upload to a cloning engine).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public async Task<string> CloneAsync(string name, IReadOnlyList<string> samples, ConsentRecord consent, CancellationToken cancellationToken)
    {
        Assert.All(samples, s => Assert.True(File.Exists(s), s));
        if (Gate is { } gate) await gate.Task.WaitAsync(cancellationToken);
        Clones.Add((name, samples, consent));
        return $"clone-{Clones.Count - 1}";
    }
}
