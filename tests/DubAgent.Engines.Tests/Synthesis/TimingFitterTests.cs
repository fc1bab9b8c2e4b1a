using DubAgent.Engines.Synthesis;

namespace DubAgent.Engines.Tests.Synthesis;

public sealed class TimingFitterTests
{
    private readonly TimingFitter _fitter = new(1.25);

    private static FitDecision One(IReadOnlyList<FitDecision> decisions, string id) => decisions.Single(d => d.Id == id);

    [Fact]
    public void Short_clip_keeps_natural_speed_and_starts_at_the_line_start()
    {
        var d = _fitter.Fit([new FitSlot("a", 2.0, 4.0, 1.2), new FitSlot("b", 5.0, 6.0, 0.5)], 10);
        var a = One(d, "a");
        Assert.Equal(2.0, a.Start, 6);
        Assert.Equal(1.0, a.StretchRatio);
        Assert.Equal(1.2, a.FittedSeconds, 6);
        Assert.Equal(0, a.OverflowSeconds);
        Assert.Empty(a.Flags);
    }

    [Fact]
    public void Long_clip_first_uses_the_silence_after_its_slot_without_compression()
    {
        // Slot 2 s, next line 1 s after it: a 2.8 s clip fits in the gap at natural speed.
        var d = _fitter.Fit([new FitSlot("a", 0, 2, 2.8), new FitSlot("b", 3, 4, 0.5)], 10);
        var a = One(d, "a");
        Assert.Equal(1.0, a.StretchRatio);
        Assert.Equal(3.0, a.WindowEnd, 6);
        Assert.Equal(0, a.OverflowSeconds);
        Assert.Contains(FitFlags.UsedGap, a.Flags);
        Assert.DoesNotContain(FitFlags.Stretched, a.Flags);
    }

    [Fact]
    public void Clip_longer_than_slot_and_gap_is_compressed_just_enough()
    {
        // Window 3 s, clip 3.3 s: ratio 1.1 fills the window exactly.
        var d = _fitter.Fit([new FitSlot("a", 0, 2, 3.3), new FitSlot("b", 3, 4, 0.5)], 10);
        var a = One(d, "a");
        Assert.Equal(1.1, a.StretchRatio, 6);
        Assert.Equal(3.0, a.End, 6);
        Assert.Equal(0, a.OverflowSeconds);
        Assert.Contains(FitFlags.Stretched, a.Flags);
    }

    [Fact]
    public void Compression_stops_at_the_maximum_and_the_rest_is_overflow()
    {
        // Window 2 s (next line starts at the slot end), clip 3 s: 1.25 gives 2.4 s, 0.4 s overflow.
        var d = _fitter.Fit([new FitSlot("a", 0, 2, 3.0), new FitSlot("b", 2, 3, 0.5)], 10);
        var a = One(d, "a");
        Assert.Equal(1.25, a.StretchRatio, 6);
        Assert.Equal(2.4, a.FittedSeconds, 6);
        Assert.Equal(0.4, a.OverflowSeconds, 6);
        Assert.Contains(FitFlags.Overflow, a.Flags);
    }

    [Fact]
    public void Overflow_delays_the_next_clip_instead_of_overlapping_it()
    {
        var d = _fitter.Fit([new FitSlot("a", 0, 2, 3.0), new FitSlot("b", 2, 4, 0.5)], 10);
        var a = One(d, "a");
        var b = One(d, "b");
        Assert.True(b.Start >= a.End - 1e-9, $"b starts at {b.Start}, a ends at {a.End}");
        Assert.Equal(0.4, b.DelaySeconds, 6);
        Assert.Contains(FitFlags.Delayed, b.Flags);
    }

    [Fact]
    public void A_delayed_clip_is_compressed_to_still_end_before_the_following_line()
    {
        // a overflows into b's slot by 0.4 s; b (1.8 s clip, slot 2-4, next line at 4) then has 1.6 s.
        var d = _fitter.Fit([new FitSlot("a", 0, 2, 3.0), new FitSlot("b", 2, 4, 1.8), new FitSlot("c", 4, 5, 0.5)], 10);
        var b = One(d, "b");
        Assert.Equal(2.4, b.Start, 6);
        Assert.Equal(1.8 / 1.6, b.StretchRatio, 6);
        Assert.Equal(4.0, b.End, 6);
        Assert.Equal(0, b.OverflowSeconds);
    }

    [Fact]
    public void Clips_of_lines_that_overlapped_in_the_original_may_overlap()
    {
        var d = _fitter.Fit([new FitSlot("a", 0, 3, 2.5), new FitSlot("b", 2, 4, 1.5)], 10);
        var b = One(d, "b");
        Assert.Equal(2.0, b.Start, 6);
        Assert.Equal(0, b.DelaySeconds);
        Assert.Contains(FitFlags.OverlapsPrevious, b.Flags);
        Assert.True(One(d, "a").End > b.Start);
    }

    [Fact]
    public void Overlapping_original_line_keeps_its_own_slot_as_window()
    {
        // b starts inside a: a's window is its own slot end, not b's start.
        var d = _fitter.Fit([new FitSlot("a", 0, 3, 3.5), new FitSlot("b", 2, 4, 1.0)], 10);
        var a = One(d, "a");
        Assert.Equal(3.0, a.WindowEnd, 6);
        Assert.Equal(3.5 / 3.0, a.StretchRatio, 6);
    }

    [Fact]
    public void Zero_length_slot_uses_the_silence_up_to_the_next_line()
    {
        var d = _fitter.Fit([new FitSlot("a", 1, 1, 0.8), new FitSlot("b", 2, 3, 0.5)], 10);
        var a = One(d, "a");
        Assert.Contains(FitFlags.ZeroLengthSlot, a.Flags);
        Assert.Equal(1.0, a.StretchRatio);
        Assert.Equal(0, a.OverflowSeconds);
        Assert.Equal(1.8, a.End, 6);
    }

    [Fact]
    public void Zero_length_slot_with_no_room_is_compressed_fully_and_overflows()
    {
        var d = _fitter.Fit([new FitSlot("a", 1, 1, 1.0), new FitSlot("b", 1, 2, 0.5)], 10);
        var a = One(d, "a");
        Assert.Equal(1.25, a.StretchRatio, 6);
        Assert.Equal(0.8, a.OverflowSeconds, 6);
        Assert.Contains(FitFlags.Overflow, a.Flags);
    }

    [Fact]
    public void Silent_line_takes_no_time_and_is_never_stretched()
    {
        var d = _fitter.Fit([new FitSlot("a", 0, 2, 0), new FitSlot("b", 2, 3, 0.5)], 10);
        var a = One(d, "a");
        Assert.Equal(1.0, a.StretchRatio);
        Assert.Equal(0, a.FittedSeconds);
        Assert.Equal(0, a.OverflowSeconds);
        Assert.Equal(2.0, One(d, "b").Start, 6);
    }

    [Fact]
    public void Last_line_may_use_the_silence_up_to_the_end_of_the_track_and_is_truncated_beyond()
    {
        var d = _fitter.Fit([new FitSlot("a", 8, 9, 3.0)], 10);
        var a = One(d, "a");
        Assert.Equal(10.0, a.WindowEnd, 6);
        Assert.Equal(1.25, a.StretchRatio, 6);
        Assert.Equal(0.4, a.OverflowSeconds, 6);
        Assert.Contains(FitFlags.TruncatedAtEnd, a.Flags);
    }

    [Fact]
    public void Max_stretch_of_one_never_compresses()
    {
        var d = new TimingFitter(1.0).Fit([new FitSlot("a", 0, 1, 2.0), new FitSlot("b", 1, 2, 0.5)], 10);
        Assert.Equal(1.0, One(d, "a").StretchRatio);
        Assert.Equal(1.0, One(d, "a").OverflowSeconds, 6);
    }

    [Fact]
    public void Decisions_come_in_time_order_whatever_the_input_order()
    {
        var d = _fitter.Fit([new FitSlot("late", 5, 6, 0.5), new FitSlot("early", 1, 2, 0.5)], 10);
        Assert.Equal(["early", "late"], d.Select(x => x.Id));
        Assert.Equal(5.0, One(d, "early").WindowEnd, 6);
    }

    [Fact]
    public void Consecutive_clips_never_overlap_when_the_lines_did_not()
    {
        var random = new Random(7);
        var slots = new List<FitSlot>();
        var t = 0.0;
        for (var i = 0; i < 200; i++)
        {
            var length = random.NextDouble() * 3;
            slots.Add(new FitSlot($"s{i}", t, t + length, random.NextDouble() * 5));
            t += length + random.NextDouble() * 0.5;
        }
        var d = _fitter.Fit(slots, t + 1);
        for (var i = 1; i < d.Count; i++)
            Assert.True(d[i].Start >= d[i - 1].End - 1e-9, $"{d[i].Id} starts at {d[i].Start} before {d[i - 1].Id} ends at {d[i - 1].End}");
        Assert.All(d, x => Assert.InRange(x.StretchRatio, 1.0, 1.25 + 1e-9));
    }

    [Theory]
    [InlineData(0.9)]
    [InlineData(double.NaN)]
    [InlineData(5.0)]
    public void Impossible_max_stretch_is_refused(double max) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimingFitter(max));
}
