using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Media;
using DubAgent.Engines.Synthesis;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Tests.Synthesis;

/// <summary>Runs the real espeak-ng.</summary>
public sealed class EspeakSynthesizerTests
{
    [Fact]
    public async Task Lists_its_personas_with_every_espeak_language()
    {
        using var kit = new SynthesisTestKit();
        var engine = kit.Services.GetRequiredService<EspeakSynthesizer>();
        var status = await engine.CheckAsync(CancellationToken.None);
        Assert.True(status.Available, status.Detail);
        var voices = await engine.ListVoicesAsync(CancellationToken.None);
        Assert.Equal(EspeakPersona.All.Count, voices.Count);
        Assert.All(voices, v => Assert.Contains("es", v.Languages));
        Assert.All(voices, v => Assert.True(v.Languages.Count > 50));
    }

    [Fact]
    public async Task Personas_sound_in_the_pitch_order_they_claim()
    {
        using var kit = new SynthesisTestKit();
        var engine = kit.Services.GetRequiredService<EspeakSynthesizer>();
        var measured = await Task.WhenAll(EspeakPersona.All.Select(async persona =>
        {
            var path = kit.PathOf($"{persona.Name}.wav");
            await engine.SynthesizeAsync(new SpeechRequest("Buenos días, ¿cómo está usted hoy?", "es", persona.Name, path),
                new EngineContext { WorkDirectory = kit.Directory });
            using var reader = new WavReader(path);
            var pitches = SpeakerPitchMeter.Measure(path, [("x", 0, reader.Duration)], CancellationToken.None);
            return (Persona: persona, Hz: pitches["x"]);
        }));
        var ordered = measured.OrderBy(m => m.Persona.RelativePitch).Select(m => m.Hz).ToList();
        for (var i = 1; i < ordered.Count; i++)
            Assert.True(ordered[i] > ordered[i - 1], string.Join(", ", measured.Select(m => $"{m.Persona.Name} {m.Hz:0} Hz")));
    }

    [Fact]
    public async Task Unknown_language_and_unknown_voice_are_clear_errors()
    {
        using var kit = new SynthesisTestKit();
        var engine = kit.Services.GetRequiredService<EspeakSynthesizer>();
        var context = new EngineContext { WorkDirectory = kit.Directory };
        var language = await Assert.ThrowsAsync<InputException>(() =>
            engine.SynthesizeAsync(new SpeechRequest("hola", "xx", "male-mid", kit.PathOf("a.wav")), context));
        Assert.Contains("'xx'", language.Message);
        var voice = await Assert.ThrowsAsync<InputException>(() =>
            engine.SynthesizeAsync(new SpeechRequest("hola", "es", "nobody", kit.PathOf("b.wav")), context));
        Assert.Contains("female-mid", voice.Hint);
        Assert.False(File.Exists(kit.PathOf("a.wav")));
    }
}
