using DubAgent.Engines.Analysis;

namespace DubAgent.Engines.Tests.Analysis;

public class ContentGuessTests
{
    private static readonly SpeechTurns Flowing = new(20, 20, 0.6, 0.0);

    [Theory]
    [InlineData(0.8, 0.0, -60, 0.0, "dialogue")]
    [InlineData(0.8, 0.5, -60, 0.0, "cinematic")]
    [InlineData(0.8, 0.1, -6, 0.0, "cinematic")]
    [InlineData(0.8, 0.1, -30, 0.2, "cinematic")]
    [InlineData(0.1, 0.0, -60, 0.0, "cinematic")]
    [InlineData(0.0, 0.0, -120, 0.0, "cinematic")]
    public void Follows_the_documented_rule(double speech, double music, double background, double loudEvents, string expected)
    {
        var (guess, reasons) = ContentGuess.Decide(new SoundtrackFigures(60, speech * 60, speech, music, background, loudEvents, Flowing));
        Assert.Equal(expected, guess);
        Assert.Equal(2, reasons.Count);
        Assert.Contains("turns", reasons[1]);
    }

    [Theory]
    [InlineData(0.6, 0.0, "dialogue")]
    [InlineData(3.5, 0.0, "cinematic")]
    [InlineData(0.8, 0.6, "cinematic")]
    public void Speech_in_flowing_turns_is_dialogue_lines_spaced_by_long_gaps_are_not(double medianPause, double longGaps, string expected)
    {
        var turns = new SpeechTurns(12, 12, medianPause, longGaps);
        var (guess, reasons) = ContentGuess.Decide(new SoundtrackFigures(60, 30, 0.5, 0.05, -40, 0, turns));
        Assert.Equal(expected, guess);
        Assert.Contains("pause", reasons[0]);
    }
}
