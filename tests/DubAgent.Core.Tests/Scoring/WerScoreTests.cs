using DubAgent.Core.Scoring;

namespace DubAgent.Core.Tests.Scoring;

public class WerScoreTests
{
    [Fact]
    public void Punctuation_and_case_do_not_count()
    {
        var score = WerScore.Compute("And so, my fellow Americans: don't!", "and so my fellow americans don't");
        Assert.Equal(0, score.Rate);
        Assert.Equal(6, score.ReferenceWords);
    }

    [Fact]
    public void Counts_each_kind_of_error()
    {
        // ref: a b c d e f ; hyp: a x c e f g -> b->x substituted, d deleted, g inserted (the only cost-3 alignment).
        var score = WerScore.Compute("a b c d e f", "a x c e f g");
        Assert.Equal(1, score.Substitutions);
        Assert.Equal(1, score.Deletions);
        Assert.Equal(1, score.Insertions);
        Assert.Equal(3.0 / 6, score.Rate, 6);
    }

    [Fact]
    public void Empty_hypothesis_deletes_everything()
    {
        var score = WerScore.Compute("ask not what your country can do", "");
        Assert.Equal(1.0, score.Rate);
        Assert.Equal(7, score.Deletions);
    }
}
