using DubAgent.Engines.Translation.Apertium;

namespace DubAgent.Engines.Tests.Translating;

/// <summary>What goes into apertium and what comes out of it before a voice reads it.</summary>
public sealed class ApertiumTextTests
{
    [Fact]
    public void Unknown_word_marks_are_taken_out_and_the_words_listed_once()
    {
        var (text, words) = UnknownWordMarks.Take("Tengo un #*hashtag y *estrella. El *flibbertigibbet @corrió; *Estrella");
        Assert.Equal("Tengo un hashtag y estrella. El flibbertigibbet corrió; Estrella", text);
        Assert.Equal(["hashtag", "estrella", "flibbertigibbet", "corrió"], words);
        Assert.DoesNotContain('*', text);
    }

    [Theory]
    [InlineData("i caught it well", "I caught it well")]
    [InlineData("yes i'm sure i'll go and i've seen it, i'd say", "yes I'm sure I'll go and I've seen it, I'd say")]
    [InlineData("is it in the iris", "is it in the iris")]
    [InlineData("Item i.", "Item I.")]
    public void English_lowercase_pronoun_is_capitalised(string source, string expected) =>
        Assert.Equal(expected, ApertiumSourceText.Prepare(source, "en"));

    [Fact]
    public void Other_languages_keep_their_i_and_mark_characters_become_spaces()
    {
        Assert.Equal("Pere i Maria", ApertiumSourceText.Prepare("Pere i Maria", "ca"));
        Assert.Equal("price  5 at  home", ApertiumSourceText.Prepare("price #5 at @home", "en"));
    }
}
