using DubAgent.Engines.Subtitles;

namespace DubAgent.Engines.Tests.Subtitles;

public sealed class SubtitleWriterTests
{
    private static readonly IReadOnlyList<SubtitleCue> Cues =
    [
        new(0.5, 2.25, ["Good morning.", "Did you bring the map?"], "SPEAKER_00"),
        new(3723.0405, 3725.5, ["Fish & chips <3 --> now"], "SPEAKER_01"),
    ];

    [Fact]
    public void Srt_numbers_cues_and_uses_commas_in_times()
    {
        Assert.Equal(
            "1\n00:00:00,500 --> 00:00:02,250\nGood morning.\nDid you bring the map?\n\n"
            + "2\n01:02:03,041 --> 01:02:05,500\nFish & chips <3 -> now\n\n",
            SrtWriter.Write(Cues, speakerLabels: false));
        Assert.StartsWith("1\n00:00:00,500 --> 00:00:02,250\nSPEAKER_00: Good morning.\nDid", SrtWriter.Write(Cues, speakerLabels: true));
    }

    [Fact]
    public void Vtt_has_its_header_dots_in_times_escaped_text_and_voice_spans()
    {
        Assert.Equal(
            "WEBVTT\n\n00:00:00.500 --> 00:00:02.250\nGood morning.\nDid you bring the map?\n\n"
            + "01:02:03.041 --> 01:02:05.500\nFish &amp; chips &lt;3 --&gt; now\n\n",
            VttWriter.Write(Cues, speakerLabels: false));
        Assert.Contains("<v SPEAKER_01>Fish &amp;", VttWriter.Write(Cues, speakerLabels: true));
    }
}
