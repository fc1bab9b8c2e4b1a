using DubAgent.Engines.Languages;

// Not "...Tests.Languages": that namespace would shadow DubAgent.Engines.Languages in sibling test folders.
namespace DubAgent.Engines.Tests.Reach;

public sealed class LanguageSetTests
{
    [Fact]
    public void Regions_fold_into_their_language_and_count_as_it()
    {
        var set = LanguageSet.Of(["en-us", "en-gb-x-rp", "es", "pt_BR", "cmn-latn-pinyin"]);
        Assert.Equal(["cmn", "en", "es", "pt"], set.Codes);
        Assert.True(set.Contains("en-US"));
        Assert.True(set.Contains("pt"));
        Assert.False(set.Contains("ja"));
    }

    [Fact]
    public void Every_language_is_open_for_union_and_neutral_for_intersection()
    {
        var closed = LanguageSet.Of(["es", "en"]);
        Assert.True(LanguageSet.Every.Contains("ja"));
        Assert.True(closed.Union(LanguageSet.Every).Any);
        Assert.Equal(["en", "es"], LanguageSet.Every.Intersect(closed).Codes);
        Assert.Equal(["es"], closed.Intersect(LanguageSet.Of(["es", "fr"])).Codes);
        Assert.Equal(["es"], closed.Without("en-GB").Codes);
        Assert.Equal("any language", LanguageSet.Every.ToString());
        Assert.Equal("none", LanguageSet.None.ToString());
        Assert.True(LanguageSet.None.IsEmpty);
    }
}
