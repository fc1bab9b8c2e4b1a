using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Errors;
using DubAgent.Engines.Synthesis;

namespace DubAgent.Engines.Tests.Synthesis;

public sealed class CastingTests
{
    private static readonly IReadOnlyList<VoiceInfo> Voices = EspeakPersona.All
        .Select(p => new VoiceInfo(p.Name, ["en", "es"], p.Gender, p.RelativePitch)).ToList();

    [Fact]
    public void Every_speaker_gets_a_distinct_voice()
    {
        var speakers = Enumerable.Range(0, 6).Select(i => $"SPEAKER_{i:D2}").ToList();
        var cast = VoiceCaster.Cast("espeak-ng", speakers, Voices, "es", null, null);
        Assert.Equal(speakers, cast.Select(c => c.Speaker));
        Assert.Equal(6, cast.Select(c => c.Voice).Distinct().Count());
        Assert.All(cast, c => Assert.Equal("automatic", c.Source));
    }

    [Fact]
    public void A_voice_cloned_from_a_person_is_never_dealt_out_automatically_but_may_be_requested()
    {
        var clones = Voices.Take(Voices.Count - 1).Select(v => v.Name).ToHashSet();
        var free = Voices[^1].Name;

        var cast = VoiceCaster.Cast("cloner", ["A", "B", "C"], Voices, "es", new Dictionary<string, string> { ["C"] = Voices[0].Name }, null, clones);

        Assert.Equal((free, free, Voices[0].Name), (cast[0].Voice, cast[1].Voice, cast[2].Voice));
        var onlyClones = Assert.Throws<InputException>(() => VoiceCaster.Cast("cloner", ["A"], Voices.Take(2).ToList(), "es", null, null, clones));
        Assert.Contains("cloned from people in the voice library", onlyClones.Message);
        Assert.Contains("`voices`", onlyClones.Hint);
    }

    [Fact]
    public void Two_unmeasured_speakers_get_voices_far_apart()
    {
        var cast = VoiceCaster.Cast("espeak-ng", ["A", "B"], Voices, "es", null, null);
        Assert.True(Math.Abs(cast[0].VoicePitch!.Value - cast[1].VoicePitch!.Value) >= 0.5);
    }

    [Fact]
    public void Lower_original_voice_gets_the_lower_synthetic_voice()
    {
        var pitches = new Dictionary<string, double> { ["HIGH"] = 210, ["LOW"] = 105, ["MID"] = 150 };
        var cast = VoiceCaster.Cast("espeak-ng", ["HIGH", "LOW", "MID"], Voices, "es", null, pitches).ToDictionary(c => c.Speaker);
        Assert.True(cast["LOW"].VoicePitch < cast["MID"].VoicePitch);
        Assert.True(cast["MID"].VoicePitch < cast["HIGH"].VoicePitch);
        Assert.Equal("male", EspeakPersona.Find(cast["LOW"].Voice)!.Gender);
        Assert.Equal("female", EspeakPersona.Find(cast["HIGH"].Voice)!.Gender);
        Assert.Equal(105, cast["LOW"].OriginalPitchHz);
    }

    [Fact]
    public void Two_similar_low_voices_still_get_distinct_voices_in_pitch_order()
    {
        var pitches = new Dictionary<string, double> { ["A"] = 100, ["B"] = 98 };
        var cast = VoiceCaster.Cast("espeak-ng", ["A", "B"], Voices, "es", null, pitches).ToDictionary(c => c.Speaker);
        Assert.NotEqual(cast["A"].Voice, cast["B"].Voice);
        Assert.True(cast["B"].VoicePitch < cast["A"].VoicePitch);
    }

    [Fact]
    public void The_callers_cast_overrides_and_its_voice_is_not_given_to_another_speaker()
    {
        var requested = new Dictionary<string, string> { ["B"] = "FEMALE-HIGH" };
        var cast = VoiceCaster.Cast("espeak-ng", ["A", "B", "C"], Voices, "es", requested, null).ToDictionary(c => c.Speaker);
        Assert.Equal("female-high", cast["B"].Voice);
        Assert.Equal("arguments", cast["B"].Source);
        Assert.NotEqual("female-high", cast["A"].Voice);
        Assert.NotEqual("female-high", cast["C"].Voice);
    }

    [Fact]
    public void Unknown_voice_is_a_clear_error_listing_the_voices()
    {
        var e = Assert.Throws<InputException>(() =>
            VoiceCaster.Cast("espeak-ng", ["A"], Voices, "es", new Dictionary<string, string> { ["A"] = "darth-vader" }, null));
        Assert.Contains("darth-vader", e.Message);
        Assert.Contains("male-deep", e.Hint);
        Assert.Contains("female-bright", e.Hint);
    }

    [Fact]
    public void The_same_inputs_always_give_the_same_cast()
    {
        var pitches = new Dictionary<string, double> { ["A"] = 120 };
        var first = VoiceCaster.Cast("espeak-ng", ["A", "B", "C"], Voices, "es", null, pitches);
        var second = VoiceCaster.Cast("espeak-ng", ["A", "B", "C"], Voices, "es", null, pitches);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Voices_that_speak_the_language_are_preferred()
    {
        VoiceInfo[] voices = [new("english", ["en-US"], Pitch: 0.5), new("spanish", ["es"], Pitch: 0.5)];
        var cast = VoiceCaster.Cast("piper", ["A"], voices, "es", null, null);
        Assert.Equal("spanish", cast[0].Voice);
    }
}
