using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Media;
using DubAgent.Engines.Synthesis;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Tests.Synthesis;

/// <summary>A voice assignment's rate (factor) and pitch (semitones) on the real espeak-ng.</summary>
public sealed class EspeakProsodyTests
{
    private const string Text = "Buenos días, ¿cómo está usted hoy? Hace un tiempo estupendo para pasear.";

    private static async Task<(double Seconds, double Hz)> SpeakAsync(SynthesisTestKit kit, string name, Dictionary<string, string>? options)
    {
        var path = kit.PathOf($"{name}.wav");
        await kit.Services.GetRequiredService<EspeakSynthesizer>()
            .SynthesizeAsync(new SpeechRequest(Text, "es", "male-mid", path, options), new EngineContext { WorkDirectory = kit.Directory });
        using var reader = new WavReader(path);
        var duration = reader.Duration;
        return (duration, SpeakerPitchMeter.Measure(path, [("x", 0, duration)], CancellationToken.None)["x"]);
    }

    [Fact]
    public async Task Pitch_in_semitones_moves_the_measured_f0_by_that_interval()
    {
        using var kit = new SynthesisTestKit();
        var own = await SpeakAsync(kit, "own", null);
        var up = await SpeakAsync(kit, "up", new() { ["pitch"] = "5" });
        var down = await SpeakAsync(kit, "down", new() { ["pitch"] = "-5" });

        // 5 semitones is a ratio of 1.335; espeak-ng rounds -p to whole steps and its intonation moves around the
        // base, so the median follows within a semitone.
        var upSemitones = 12 * Math.Log2(up.Hz / own.Hz);
        var downSemitones = 12 * Math.Log2(down.Hz / own.Hz);
        Assert.InRange(upSemitones, 4, 6);
        Assert.InRange(downSemitones, -6, -4);
    }

    [Fact]
    public async Task Rate_scales_the_words_per_minute_and_so_the_clip_length()
    {
        using var kit = new SynthesisTestKit();
        var own = await SpeakAsync(kit, "own", null);
        var fast = await SpeakAsync(kit, "fast", new() { ["rate"] = "1.3" });

        Assert.InRange(own.Seconds / fast.Seconds, 1.15, 1.45);
    }

    [Fact]
    public void Settings_map_to_espeak_arguments_within_their_ranges()
    {
        var persona = EspeakPersona.Find("male-mid")!;
        Assert.Equal((persona.Pitch, persona.Rate), EspeakProsody.For(persona, null));
        Assert.Equal((persona.Pitch + 11, 175), EspeakProsody.For(persona, new Dictionary<string, string> { ["pitch"] = "2" }));
        Assert.Equal((99, 450), EspeakProsody.For(persona, new Dictionary<string, string> { ["pitch"] = "24", ["rate"] = "9" }));
        Assert.Throws<InputException>(() => EspeakProsody.For(persona, new Dictionary<string, string> { ["rate"] = "0" }));
        Assert.Throws<InputException>(() => EspeakProsody.For(persona, new Dictionary<string, string> { ["pitch"] = "high" }));
    }
}
