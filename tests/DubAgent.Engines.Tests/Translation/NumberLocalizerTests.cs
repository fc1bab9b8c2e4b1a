using DubAgent.Engines.Synthesis.Speakable;
using DubAgent.Engines.Translation;

namespace DubAgent.Engines.Tests.Translation;

public sealed class NumberLocalizerTests
{
    [Theory]
    [InlineData("It costs 1,000 dollars.", "Cuesta 1,000 dólares.", "en", "es", "Cuesta 1.000 dólares.")]
    [InlineData("2,500,000 people", "2,500,000 personas", "en", "es", "2.500.000 personas")]
    [InlineData("3.5 percent", "3.5 por ciento", "en", "es", "3,5 por ciento")]
    [InlineData("1,234.75 euros", "1,234.75 euros", "en", "pt", "1.234,75 euros")]
    [InlineData("Cuesta 1.000 dólares y 3,5", "Cost 1.000 dollars and 3,5", "es", "en", "Cost 1,000 dollars and 3.5")]
    [InlineData("In 2024, 12 people", "En 2024, 12 personas", "en", "es", "En 2024, 12 personas")]
    // A translator that already localized the number: left alone, not converted back.
    [InlineData("It costs 1,000 dollars.", "Cuesta 1.000 dólares.", "en", "es", "Cuesta 1.000 dólares.")]
    // Same separators on both sides: nothing to do.
    [InlineData("1,000 and 3.5", "1,000 and 3.5", "en", "en", "1,000 and 3.5")]
    public void Numbers_take_the_target_languages_separators(string source, string target, string from, string to, string expected) =>
        Assert.Equal(expected, NumberLocalizer.Localize(source, target, from, to));

    [Fact]
    public void A_thousand_from_English_is_read_as_a_thousand_in_Spanish()
    {
        var line = NumberLocalizer.Localize("It costs 1,000 dollars.", "Cuesta 1,000 dólares.", "en", "es");
        Assert.Equal("Cuesta mil dólares.", NumberWords.Spell(line, "es"));
    }

    [Fact]
    public void French_groups_with_its_own_space()
    {
        var line = NumberLocalizer.Localize("1,000 people", "1,000 personnes", "en", "fr");
        Assert.Matches(@"^1[\u00A0\u202F ]000 personnes$", line);
        Assert.Equal("mille personnes", NumberWords.Spell(line, "fr"));
    }
}
