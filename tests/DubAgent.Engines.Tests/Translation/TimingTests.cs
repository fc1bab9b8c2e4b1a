using DubAgent.Engines.Translation.Timing;

// Not "...Tests.Translation": that namespace would shadow the Translation record in sibling test folders.
namespace DubAgent.Engines.Tests.Translating;

public sealed class TimingTests
{
    [Theory]
    [InlineData("Good morning", "en", 3)]
    [InlineData("The weather report said it will be sunny all day.", "en", 13)]
    [InlineData("Buenos días", "es", 4)]
    [InlineData("La estación del tren", "es", 6)]
    [InlineData("poeta", "es", 3)]
    [InlineData("in 10 minutes", "en", 7)]
    [InlineData("今日は", "ja", 3)]
    [InlineData("", "en", 0)]
    public void Counts_syllables(string text, string language, int expected) =>
        Assert.Equal(expected, SyllableCounter.Count(text, language));

    [Fact]
    public void A_line_is_measured_as_the_voice_will_read_it_not_as_written()
    {
        var written = SegmentFit.Measure(0, 2, "Cuesta $5 y pesa 20 km.", "es");
        var said = SegmentFit.Measure(0, 2, "Cuesta cinco dólares y pesa veinte kilómetros.", "es");
        Assert.Equal(said.Syllables, written.Syllables);
        Assert.True(written.Syllables > SyllableCounter.Count("Cuesta $5 y pesa 20 km.", "es"));
    }

    [Fact]
    public void Budget_is_the_slot_at_the_languages_rate_and_fit_is_estimate_over_slot()
    {
        var fit = SegmentFit.Measure(1.0, 3.0, "Buenos días", "es"); // 4 syllables at 7.82/s
        Assert.Equal(2.0, fit.BudgetSeconds);
        Assert.Equal(15.6, fit.BudgetSyllables);
        Assert.Equal(Math.Round(4 / 7.82, 3), fit.EstimatedSeconds);
        Assert.Equal(Math.Round(4 / 7.82 / 2.0, 3), fit.FitRatio);
        Assert.True(fit.WithinBudget);
        Assert.False(SegmentFit.Measure(0, 0.5, "La estación del tren", "es").WithinBudget);
    }

    [Fact]
    public void Every_language_in_the_table_has_a_plausible_rate()
    {
        Assert.Equal(6.19, SpeakingRates.For("en"));
        Assert.Equal(7.82, SpeakingRates.For("es-MX"));
        Assert.Equal(SpeakingRates.Default, SpeakingRates.For("xx"));
        foreach (var code in new[] { "en", "fr", "de", "it", "ja", "zh", "es", "vi", "ca", "pt", "tr" })
            Assert.InRange(SpeakingRates.For(code), 4.5, 8.5);
    }
}
