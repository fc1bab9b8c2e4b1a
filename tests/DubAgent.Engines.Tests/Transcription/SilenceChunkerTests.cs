using DubAgent.Core.Dsp;
using DubAgent.Engines.Transcription;

namespace DubAgent.Engines.Tests.Transcription;

public class SilenceChunkerTests
{
    [Fact]
    public void Cuts_in_the_longest_pause_before_the_limit()
    {
        SpeechRegion[] regions = [new(0, 5), new(5.2, 7), new(8, 9.5), new(9.6, 14), new(16, 19), new(19.5, 25)];
        var plan = SilenceChunker.Plan(regions, 25, maxSeconds: 10);
        Assert.Equal(7.5, plan[0].End, 3); // the 1 s pause 7-8 (5-5.2 is too early, 9.5-9.6 is shorter)
        Assert.All(plan, p => Assert.True(p.End - p.Start <= 10 + 1e-9));
        Assert.Equal(25, plan[^1].End, 3);
        for (var i = 1; i < plan.Count; i++) Assert.Equal(plan[i - 1].End, plan[i].Start, 6);
    }

    [Fact]
    public void Without_pauses_it_cuts_at_the_limit()
    {
        var plan = SilenceChunker.Plan([new SpeechRegion(0, 30)], 30, maxSeconds: 12);
        Assert.Equal([(0.0, 12.0), (12.0, 24.0), (24.0, 30.0)], plan);
    }

    [Fact]
    public void Short_input_is_one_piece()
    {
        Assert.Single(SilenceChunker.Plan([new SpeechRegion(1, 2)], 5, maxSeconds: 600));
    }
}
