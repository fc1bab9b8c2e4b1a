using DubAgent.Abstractions.Domain;
using DubAgent.Engines.Diarization;

namespace DubAgent.Engines.Tests.Diarization;

/// <summary>Overlap marking at turn changes inside continuous speech, and the overlapped share of the speech.</summary>
public class OverlapMarkerTests
{
    /// <summary>0.25 s blocks of 25 frames each, in the given spans.</summary>
    private static SpeechBlock[] Blocks(params int[] spans) => spans.Select((s, i) =>
    {
        var statistics = new GaussianStatistics(1);
        for (var f = 0; f < 25; f++) statistics.Add(new[] { (float)f });
        return new SpeechBlock(s, i * 0.25, (i + 1) * 0.25, statistics);
    }).ToArray();

    /// <summary>Scores summed over 25 frames whose per-frame margin for the block's own speaker is as given.</summary>
    private static double[][] Scores(int[] labels, params double[] margins) =>
        labels.Select((l, i) => l == 0 ? new[] { 25 * margins[i], 0.0 } : new[] { 0.0, 25 * margins[i] }).ToArray();

    [Fact]
    public void Blocks_next_to_a_change_that_the_other_voice_nearly_explains_hold_both_speakers()
    {
        int[] labels = [0, 0, 0, 1, 1, 1];
        var second = new OverlapMarker { MarginPerFrame = 2 }.Mark(Blocks(0, 0, 0, 0, 0, 0), labels, Scores(labels, 1, 1, 5, 1, 5, 1));
        // block 0 is beyond the reach of the change at 3; blocks 2 and 4 are clearly one voice.
        Assert.Equal([-1, 1, -1, 0, -1, -1], second);
    }

    [Fact]
    public void A_change_across_a_pause_or_a_zero_margin_marks_nothing()
    {
        int[] labels = [0, 0, 1, 1];
        var scores = Scores(labels, 0.5, 0.5, 0.5, 0.5);
        Assert.All(new OverlapMarker { MarginPerFrame = 2 }.Mark(Blocks(0, 0, 1, 1), labels, scores), s => Assert.Equal(-1, s));
        Assert.All(new OverlapMarker { MarginPerFrame = 0 }.Mark(Blocks(0, 0, 0, 0), labels, scores), s => Assert.Equal(-1, s));
    }

    [Fact]
    public void The_overlapped_share_counts_time_with_two_speakers_over_time_with_any()
    {
        SpeakerTurn[] turns = [new(0, 4, "A"), new(3, 5, "B"), new(6, 8, "A")];
        Assert.Equal(1.0 / 7, OverlapShare.Of(turns), 9);
        Assert.Equal(0, OverlapShare.Of([]));
    }
}
