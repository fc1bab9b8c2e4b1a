using DubAgent.Abstractions.Domain;
using DubAgent.Core.Scoring;

namespace DubAgent.Core.Tests.Scoring;

public class DerScoreTests
{
    private static readonly SpeakerTurn[] Reference =
    [
        new(0, 10, "alice"),
        new(10, 20, "bob"),
    ];

    [Fact]
    public void Identical_turns_with_other_names_score_zero()
    {
        var hypothesis = new SpeakerTurn[] { new(0, 10, "SPEAKER_01"), new(10, 20, "SPEAKER_00") };
        var score = DerScore.Compute(Reference, hypothesis, collar: 0);
        Assert.Equal(0, score.Rate, 6);
        Assert.Equal("alice", score.Mapping["SPEAKER_01"]);
    }

    [Fact]
    public void Counts_miss_false_alarm_and_confusion_separately()
    {
        // 0-8 right, 8-10 labelled bob (confusion 2 s), bob's 10-15 right, 15-20 missed, 20-22 false alarm.
        var hypothesis = new SpeakerTurn[] { new(0, 8, "A"), new(8, 15, "B"), new(20, 22, "B") };
        var score = DerScore.Compute(Reference, hypothesis, collar: 0);
        Assert.Equal(2, score.Confusion, 6);
        Assert.Equal(5, score.Missed, 6);
        Assert.Equal(2, score.FalseAlarm, 6);
        Assert.Equal(20, score.ReferenceSpeech, 6);
        Assert.Equal(9.0 / 20, score.Rate, 6);
    }

    [Fact]
    public void Collar_forgives_boundary_errors_only()
    {
        var hypothesis = new SpeakerTurn[] { new(0.2, 10.2, "A"), new(10.2, 20, "B") };
        Assert.True(DerScore.Compute(Reference, hypothesis, collar: 0).Rate > 0);
        Assert.Equal(0, DerScore.Compute(Reference, hypothesis, collar: 0.25).Rate, 6);
        // With the collar the scored reference shrinks by 0.25 s around each of the 4 boundaries (0 and 20 lose one side).
        Assert.Equal(20 - 0.25 - 0.5 - 0.25, DerScore.Compute(Reference, hypothesis, collar: 0.25).ReferenceSpeech, 6);
    }

    [Fact]
    public void Overlap_counts_each_speaker()
    {
        var reference = new SpeakerTurn[] { new(0, 10, "a"), new(5, 10, "b") };
        var hypothesis = new SpeakerTurn[] { new(0, 10, "x") };
        var score = DerScore.Compute(reference, hypothesis, collar: 0);
        Assert.Equal(15, score.ReferenceSpeech, 6);
        Assert.Equal(5, score.Missed, 6);
        Assert.Equal(5.0 / 15, score.Rate, 6);
    }

    [Fact]
    public void Hungarian_mapping_beats_greedy()
    {
        // Greedy would pair X with a (overlap 6) and leave Y with nothing useful; the best total pairs X-b, Y-a.
        var reference = new SpeakerTurn[] { new(0, 6, "a"), new(6, 11, "b") };
        var hypothesis = new SpeakerTurn[] { new(0, 1, "X"), new(1, 6, "Y"), new(6, 11, "X") };
        var score = DerScore.Compute(reference, hypothesis, collar: 0);
        Assert.Equal("b", score.Mapping["X"]);
        Assert.Equal("a", score.Mapping["Y"]);
        Assert.Equal(1, score.Confusion, 6);
    }
}
