using DubAgent.Engines.Translation.Apertium;

namespace DubAgent.Engines.Tests.Translating;

/// <summary>Finding a chain of installed pairs: direct first, then through a pivot, Spanish preferred.</summary>
public sealed class ApertiumRouteTests
{
    private static IReadOnlyList<ApertiumPair> Pairs(params string[] modes) => modes.Select(m => ApertiumPair.Parse(m)!).ToList();

    [Fact]
    public void A_direct_pair_wins_over_any_pivot()
    {
        var route = ApertiumRoute.Find(Pairs("eng-spa", "en-gl", "es-gl"), "en", "gl");
        Assert.NotNull(route);
        Assert.True(route.IsDirect);
        Assert.Equal("en-gl", route.Chain);
    }

    [Fact]
    public void Without_a_direct_pair_the_line_goes_through_spanish()
    {
        var route = ApertiumRoute.Find(Pairs("eng-spa", "eng-cat", "cat-ita", "spa-ita", "es-fr"), "en", "it");
        Assert.NotNull(route);
        Assert.Equal("eng-spa > spa-ita", route.Chain);
        Assert.Equal(["es"], route.Pivots);
    }

    [Fact]
    public void Another_pivot_is_used_when_spanish_does_not_connect()
    {
        var route = ApertiumRoute.Find(Pairs("eng-spa", "eng-cat", "cat-ita"), "en", "it");
        Assert.Equal("eng-cat > cat-ita", route?.Chain);
    }

    [Fact]
    public void A_regional_variant_picks_its_mode_on_the_last_leg()
    {
        Assert.Equal("spa-eng_US", ApertiumRoute.Find(Pairs("spa-eng", "spa-eng_US"), "es", "en-US")?.Chain);
        Assert.Equal("pt-es > spa-eng", ApertiumRoute.Find(Pairs("pt-es", "spa-eng_US", "spa-eng"), "pt", "en")?.Chain);
    }

    [Fact]
    public void Unconnected_languages_and_chains_longer_than_three_legs_have_no_route()
    {
        Assert.Null(ApertiumRoute.Find(Pairs("eng-spa", "fr-es"), "en", "fr")); // fr-es runs the wrong way
        Assert.Null(ApertiumRoute.Find(Pairs("eng-spa", "es-fr", "fr-ca", "ca-oc"), "en", "oc"));
        Assert.Equal("eng-spa > es-fr > fr-ca", ApertiumRoute.Find(Pairs("eng-spa", "es-fr", "fr-ca", "ca-oc"), "en", "ca")?.Chain);
    }

    [Fact]
    public void Targets_list_direct_and_pivoted_languages()
    {
        var pairs = Pairs("eng-spa", "spa-eng", "es-fr", "es-pt", "spa-ita", "en-gl", "gl-en");
        Assert.Equal(["es", "fr", "gl", "it", "pt"], ApertiumRoute.Targets(pairs, "en"));
        Assert.Equal(["en", "fr", "gl", "it", "pt"], ApertiumRoute.Targets(pairs, "es"));
    }
}
