using DubAgent.Abstractions.Domain;
using DubAgent.Engines.Diarization;

namespace DubAgent.Engines.Tests.Diarization;

public class SpeakerAssignerTests
{
    private static TranscriptSegment Line(string id, double start, double end, params (string Word, double Start, double End)[] words) => new()
    {
        Id = id, Start = start, End = end, Text = string.Join(' ', words.Select(w => w.Word)), Confidence = 0.8,
        Words = words.Length == 0 ? null : words.Select(w => new WordTiming(w.Word, w.Start, w.End)).ToList(),
    };

    [Fact]
    public void A_line_spanning_a_speaker_change_is_split_there_with_its_words()
    {
        var turns = new SpeakerTurn[] { new(0, 2.4, "SPEAKER_00"), new(2.6, 5, "SPEAKER_01") };
        var transcript = new Transcript
        {
            Segments = [Line("seg_0001", 0.2, 4.8, ("are", 0.2, 0.6), ("you", 0.7, 1.0), ("coming", 1.1, 2.2), ("yes", 2.7, 3.2), ("right", 3.4, 3.9), ("now", 4.0, 4.8))],
        };

        var assigned = SpeakerAssigner.Assign(transcript, turns);

        Assert.Equal(2, assigned.Segments.Count);
        var (first, second) = (assigned.Segments[0], assigned.Segments[1]);
        Assert.Equal(("seg_0001", "SPEAKER_00", "are you coming"), (first.Id, first.Speaker, first.Text));
        Assert.Equal(("seg_0001-2", "SPEAKER_01", "yes right now"), (second.Id, second.Speaker, second.Text));
        Assert.Equal((0.2, 4.8), (first.Start, second.End));
        Assert.True(first.End <= second.Start + 1e-9, $"{first.End} > {second.Start}");
        Assert.Equal(["yes", "right", "now"], second.Words!.Select(w => w.Word));
        Assert.Equal(0.8, second.Confidence);
        Assert.Equal(2, assigned.NumSpeakers);
    }

    [Fact]
    public void A_short_backchannel_over_a_line_does_not_split_it()
    {
        var turns = new SpeakerTurn[] { new(0, 2.0, "SPEAKER_00"), new(2.0, 2.5, "SPEAKER_01"), new(2.5, 5, "SPEAKER_00") };
        var transcript = new Transcript { Segments = [Line("seg_0001", 0.1, 4.9, ("one", 0.1, 1.0), ("two", 2.1, 2.4), ("three", 3.0, 4.9))] };
        var segment = Assert.Single(SpeakerAssigner.Assign(transcript, turns).Segments);
        Assert.Equal(("SPEAKER_00", "one two three"), (segment.Speaker, segment.Text));
    }

    [Fact]
    public void Without_word_times_a_line_takes_the_speaker_covering_most_of_it()
    {
        var turns = new SpeakerTurn[] { new(0, 2.5, "SPEAKER_00"), new(2.5, 6, "SPEAKER_01") };
        var transcript = new Transcript
        {
            Segments = [Line("seg_0001", 0, 3), Line("seg_0002", 2, 5), Line("seg_0003", 8, 9)],
        };
        var assigned = SpeakerAssigner.Assign(transcript, turns);
        Assert.Equal(["SPEAKER_00", "SPEAKER_01", "SPEAKER_01"], assigned.Segments.Select(s => s.Speaker));
        Assert.Equal(["seg_0001", "seg_0002", "seg_0003"], assigned.Segments.Select(s => s.Id));
    }
}
