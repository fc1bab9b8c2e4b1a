using DubAgent.Abstractions.Errors;
using DubAgent.Engines.SpeechDetection;
using DubAgent.Engines.Tests.Diarization;

namespace DubAgent.Engines.Tests.SpeechDetection;

/// <summary>The "Vad" section: read with Silero's defaults, and values that cannot work refused naming their key.</summary>
public sealed class SileroVadSettingsTests
{
    [Theory]
    [InlineData("Vad:OnThreshold", "1.2", "Vad:OnThreshold")]
    [InlineData("Vad:OffThreshold", "0.6", "Vad:OffThreshold")]
    [InlineData("Vad:MinSilenceSeconds", "-1", "Vad:MinSilenceSeconds")]
    public void Settings_out_of_range_are_refused_naming_the_key(string key, string value, string named)
    {
        var error = Assert.Throws<InputException>(() => SileroVadSettings.From(SpeechFixtures.Configuration((key, value))));
        Assert.Contains(named, error.Message);
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public void Settings_are_read_from_the_Vad_section()
    {
        var settings = SileroVadSettings.From(SpeechFixtures.Configuration(("Vad:Model", " /models/vad.onnx "), ("Vad:OnThreshold", "0.6"), ("Vad:PadSeconds", "0.1")));
        Assert.Equal(SileroVadSettings.Default with { Model = "/models/vad.onnx", OnThreshold = 0.6, PadSeconds = 0.1 }, settings);
    }
}
