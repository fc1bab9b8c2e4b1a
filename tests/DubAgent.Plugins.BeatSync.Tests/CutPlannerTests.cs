namespace DubAgent.Plugins.BeatSync.Tests;

public class CutPlannerTests
{
    // 120 BPM, 4/4: beats every 0.5 s from 0, downbeats every 2 s.
    private static readonly double[] Beats = Enumerable.Range(0, 61).Select(i => i * 0.5).ToArray();
    private static readonly double[] Downbeats = Beats.Where((_, i) => i % 4 == 0).ToArray();

    [Fact]
    public void Every_cut_lands_on_a_beat_and_prefers_downbeats()
    {
        var plan = CutPlanner.Plan(Beats, Downbeats, [new("a", 4.2), new("b", 4.1), new("c", 6.3)]);

        Assert.Equal(3, plan.Cuts.Count);
        Assert.Empty(plan.Unplaced);
        Assert.All(plan.Cuts, c => Assert.Contains(c.End, Beats));
        Assert.All(plan.Cuts, c => Assert.True(c.EndsOnDownbeat, $"{c.Clip} ends at {c.End}"));
        Assert.Equal(0, plan.Cuts[0].Start);
        for (var i = 1; i < plan.Cuts.Count; i++) Assert.Equal(plan.Cuts[i - 1].End, plan.Cuts[i].Start);
    }

    [Fact]
    public void Lengths_stay_within_each_clips_minimum_and_maximum()
    {
        ClipSpec[] clips = [new("a", 10, MinLength: 2.5, MaxLength: 3.0), new("b", 1.4, MinLength: 0.5), new("c", 8, MinLength: 5)];

        var plan = CutPlanner.Plan(Beats, Downbeats, clips);

        Assert.Equal(3, plan.Cuts.Count);
        Assert.InRange(plan.Cuts[0].Duration, 2.5, 3.0);
        Assert.InRange(plan.Cuts[1].Duration, 0.5, 1.4);
        Assert.InRange(plan.Cuts[2].Duration, 5, 8);
    }

    [Fact]
    public void Clips_that_do_not_fit_in_the_song_are_reported()
    {
        var plan = CutPlanner.Plan(Beats, Downbeats, [new("a", 20, MinLength: 18), new("b", 20, MinLength: 18)]);

        Assert.Single(plan.Cuts);
        Assert.Equal(["b"], plan.Unplaced);
    }

    [Fact]
    public void A_given_start_moves_the_first_cut()
    {
        var plan = CutPlanner.Plan(Beats, Downbeats, [new("a", 2)], start: 3.1);

        Assert.Equal(3.5, plan.Cuts[0].Start);
    }

    [Fact]
    public void When_clips_must_shrink_to_fit_they_share_the_shrinking()
    {
        // 8 clips of 3 s into about 19 s of beats: none should be cut to half while others keep 3 s.
        var beats = Enumerable.Range(1, 39).Select(i => i * 0.5).ToArray();

        var plan = CutPlanner.Plan(beats, [], Enumerable.Range(1, 8).Select(i => new ClipSpec($"c{i}", 3, MinLength: 1)).ToList());

        Assert.Equal(8, plan.Cuts.Count);
        Assert.All(plan.Cuts, c => Assert.InRange(c.Duration, 2.0, 2.5));
    }
}
