using DubAgent.Engines.Synthesis;

namespace DubAgent.Engines.Tests.Synthesis;

public sealed class TextTests
{
    [Fact]
    public void Emoji_control_and_private_use_characters_are_dropped_and_counted()
    {
        var result = SpeakableText.Clean("Hola 😀 amigo\u0007\uE000!");
        Assert.Equal("Hola amigo!", result.Text);
        Assert.Equal(3, result.Removed);
        Assert.True(result.IsSpeakable);
    }

    [Fact]
    public void Line_breaks_and_runs_of_spaces_become_one_space_without_counting_as_removed()
    {
        var result = SpeakableText.Clean("  uno\n\n dos\tTRES  ");
        Assert.Equal("uno dos TRES", result.Text);
        Assert.Equal(0, result.Removed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("🎵🎵 ♪")]
    [InlineData("...?!")]
    public void Nothing_to_say_is_not_speakable(string text) => Assert.False(SpeakableText.Clean(text).IsSpeakable);

    [Fact]
    public void Accents_and_other_scripts_are_kept()
    {
        Assert.Equal("¿Qué tal, señor? 你好", SpeakableText.Clean("¿Qué tal, señor? 你好").Text);
    }

    [Fact]
    public void Long_text_is_split_at_sentence_ends_under_the_limit_and_loses_nothing()
    {
        var sentence = "Esta es una frase bastante larga para probar el troceado del texto. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 75)).Trim(); // ~5,000 characters
        Assert.True(text.Length >= 5000);
        var parts = TextChunker.Split(text, 4000);
        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 4000));
        Assert.EndsWith(".", parts[0]);
        Assert.Equal(text, string.Join(' ', parts));
    }

    [Fact]
    public void Text_without_breaks_is_cut_at_the_limit()
    {
        var text = new string('a', 9000);
        var parts = TextChunker.Split(text, 4000);
        Assert.Equal([4000, 4000, 1000], parts.Select(p => p.Length));
    }
}
