using DubAgent.Engines.Analysis;

namespace DubAgent.Engines.Tests.Analysis;

public class ContentGuessTests
{
    [Theory]
    [InlineData(0.8, 0.0, -60, "dialogue")]
    [InlineData(0.8, 0.5, -60, "cinematic")]
    [InlineData(0.8, 0.1, -6, "cinematic")]
    [InlineData(0.1, 0.0, -60, "cinematic")]
    [InlineData(0.0, 0.0, -120, "cinematic")]
    public void Follows_the_documented_rule(double speech, double music, double background, string expected)
    {
        var (guess, reasons) = ContentGuess.Decide(new SoundtrackFigures(60, speech * 60, speech, music, background));
        Assert.Equal(expected, guess);
        Assert.Equal(2, reasons.Count);
    }
}
