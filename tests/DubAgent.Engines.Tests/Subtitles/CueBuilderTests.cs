using DubAgent.Engines.Subtitles;

namespace DubAgent.Engines.Tests.Subtitles;

public sealed class CueBuilderTests
{
    private static readonly SubtitleLimits Limits = new();

    [Fact]
    public void A_short_line_stays_one_line()
    {
        Assert.Equal(["Good morning."], LineBreaker.Break("  Good   morning. ", 42, 2));
    }

    [Fact]
    public void A_longer_line_is_broken_in_two_balanced_lines_preferring_punctuation()
    {
        var lines = LineBreaker.Break("Fair enough. Let us take the umbrellas, just in case.", 42, 2)!;
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.InRange(l.Length, 1, 42));
        Assert.Equal("Fair enough. Let us take the umbrellas, just in case.", string.Join(' ', lines));
        Assert.Equal(["Fair enough. Let us take", "the umbrellas, just in case."], lines);
        // Near the middle, a break after punctuation wins over a slightly better balance.
        Assert.Equal(["Then we can stop for lunch,", "by the lovely old lake up there."], LineBreaker.Break("Then we can stop for lunch, by the lovely old lake up there.", 42, 2));
        Assert.Null(LineBreaker.Break(new string('a', 30) + " " + new string('b', 30) + " " + new string('c', 30), 42, 2));
    }

    [Fact]
    public void A_long_segment_is_split_into_cues_that_share_its_time()
    {
        var text = "The weather report said it will be sunny all day, but I do not trust it anymore. "
            + "Last week it promised sun, and we got a storm that flooded the road to the lake. "
            + "So let us take the umbrellas, the boots and the warm coats, just in case.";
        var cues = CueBuilder.Build([new SubtitleLine(10, 25, text)], Limits);

        Assert.True(cues.Count >= 3, $"{cues.Count} cues");
        Assert.All(cues, c =>
        {
            Assert.InRange(c.Lines.Count, 1, 2);
            Assert.All(c.Lines, l => Assert.InRange(l.Length, 1, 42));
        });
        Assert.Equal(LineBreaker.Normalize(text), string.Join(' ', cues.SelectMany(c => c.Lines)));
        Assert.Equal(10, cues[0].Start);
        Assert.Equal(25, cues[^1].End, 6);
        for (var i = 1; i < cues.Count; i++) Assert.Equal(cues[i - 1].End, cues[i].Start, 6);
        // Time is shared by characters, so every piece reads at the same speed.
        Assert.InRange(cues.Max(c => c.CharsPerSecond) - cues.Min(c => c.CharsPerSecond), 0, 2.5);
    }

    [Fact]
    public void A_fast_cue_is_lengthened_into_the_silence_but_not_over_the_next_cue()
    {
        var cues = CueBuilder.Build(
        [
            new SubtitleLine(1.0, 2.0, "That sounds perfect. I will make sandwiches."), // 43 chars in 1 s
            new SubtitleLine(4.0, 4.5, "Wonderful, let us meet at the car in ten."),   // 41 chars in 0.5 s
            new SubtitleLine(4.7, 5.0, "Yes."),
        ], Limits);

        Assert.Equal(2, cues[0].Lines.Count);
        Assert.Equal(44, cues[0].Characters); // 43 characters + the line break
        Assert.Equal(1.0 + 44 / 17.0, cues[0].End, 6);
        Assert.True(cues[0].CharsPerSecond <= 17.0001);
        Assert.Equal(4.7 - Limits.GapSeconds, cues[1].End, 6); // stopped before the next cue
        Assert.True(cues[1].CharsPerSecond > 17); // still fast: counted by the tool
        Assert.Equal(4.7 + Limits.MinDurationSeconds, cues[2].End, 6); // a minimum time on screen
    }

    [Fact]
    public void Empty_and_zero_length_segments_make_no_cue()
    {
        Assert.Empty(CueBuilder.Build([new SubtitleLine(1, 2, "  "), new SubtitleLine(3, 3, "Hi")], Limits));
    }
}
