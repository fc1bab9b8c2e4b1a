using DubAgent.Abstractions.Errors;
using DubAgent.Engines.Mixing;

namespace DubAgent.Engines.Tests.Mixing;

public class MixSettingsTests
{
    [Fact]
    public void Defaults_are_the_seed_design_values()
    {
        var s = MixSettings.From(new MixArguments { Voice = "v.wav" });
        Assert.Equal((1.0, 0.4, 0.7, 0.3), (s.VoiceVolume, s.OriginalVolume, s.BackgroundVolume, s.MusicVolume));
        Assert.Equal(new LoudnessTarget("streaming", -16), s.Loudness);
    }

    [Theory]
    [InlineData("voice_volume", 2.5, "0 to 2")]
    [InlineData("voice_volume", -0.1, "0 to 2")]
    [InlineData("original_volume", 1.2, "0 to 1")]
    [InlineData("background_volume", -1, "0 to 1")]
    [InlineData("music_volume", 1.01, "0 to 1")]
    [InlineData("duck_depth_db", 41, "0 to 40")]
    [InlineData("duck_release_ms", 5, "10 to 5000")]
    public void Out_of_range_values_name_the_argument_and_its_range(string name, double value, string range)
    {
        var a = new MixArguments { Voice = "v.wav" };
        switch (name)
        {
            case "voice_volume": a.VoiceVolume = value; break;
            case "original_volume": a.OriginalVolume = value; break;
            case "background_volume": a.BackgroundVolume = value; break;
            case "music_volume": a.MusicVolume = value; break;
            case "duck_depth_db": a.DuckDepthDb = value; break;
            case "duck_release_ms": a.DuckReleaseMs = value; break;
        }
        var e = Assert.Throws<InputException>(() => MixSettings.From(a));
        Assert.Contains(name, e.Message);
        Assert.Contains(range, e.Message);
    }

    [Theory]
    [InlineData("streaming", null, -16)]
    [InlineData("broadcast", null, -23)]
    [InlineData("BROADCAST", null, -23)]
    [InlineData("custom", -14.0, -14)]
    public void Presets_resolve_to_their_targets(string preset, double? custom, double expected) =>
        Assert.Equal(expected, LoudnessTarget.Resolve(preset, custom).IntegratedLufs);

    [Theory]
    [InlineData("custom", null)]
    [InlineData("custom", -60.0)]
    [InlineData("loud", null)]
    [InlineData("streaming", -14.0)]
    public void Bad_loudness_settings_are_input_errors(string preset, double? custom) =>
        Assert.Throws<InputException>(() => LoudnessTarget.Resolve(preset, custom));

    [Fact]
    public void Compressor_threshold_turns_a_saturated_key_into_the_depth()
    {
        // ratio 20: reduction = -threshold_dB x 0.95
        var threshold = MixGraph.CompressorThreshold(12);
        Assert.Equal(12, -20 * Math.Log10(threshold) * 0.95, 6);
    }
}
