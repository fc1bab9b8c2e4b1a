using DubAgent.Abstractions.Errors;
using DubAgent.Engines.Transcription;

namespace DubAgent.Engines.Tests.Transcription;

public class SubtitleCueReaderTests
{
    [Fact]
    public void Reads_srt_cues_without_markup()
    {
        string[] lines =
        [
            "1", "00:00:01,000 --> 00:00:02,500", "<i>Hello</i> there,", "{\\an8}friend.", "",
            "2", "00:01:02,250 --> 00:01:04,000", "Second line", "",
        ];
        var segments = SubtitleCueReader.Parse(lines, vtt: false, "a.srt");
        Assert.Equal(2, segments.Count);
        Assert.Equal("Hello there, friend.", segments[0].Text);
        Assert.Equal(1.0, segments[0].Start, 3);
        Assert.Equal(2.5, segments[0].End, 3);
        Assert.Equal(62.25, segments[1].Start, 3);
    }

    [Fact]
    public void Reads_vtt_with_short_times_notes_and_settings()
    {
        string[] lines =
        [
            "WEBVTT - a title", "", "NOTE a comment", "that spans lines", "",
            "intro", "00:01.000 --> 00:03.000 align:start position:10%", "<v Roger>Hi Bob", "",
            "01:00:00.000 --> 01:00:01.500", "Bye", "",
        ];
        var segments = SubtitleCueReader.Parse(lines, vtt: true, "a.vtt");
        Assert.Equal(["Hi Bob", "Bye"], segments.Select(s => s.Text));
        Assert.Equal(3600, segments[1].Start, 3);
    }

    [Fact]
    public void A_malformed_timing_names_its_line()
    {
        string[] lines = ["1", "00:00:01,000 --> 00:00:02,500", "ok", "", "2", "00:00:03 -> 00:00:04", "broken", ""];
        var error = Assert.Throws<InputException>(() => SubtitleCueReader.Parse(lines, vtt: false, "movie.srt"));
        Assert.Contains("movie.srt:6", error.Message);
    }

    [Fact]
    public void A_cue_ending_before_it_starts_is_refused()
    {
        string[] lines = ["1", "00:00:05,000 --> 00:00:02,000", "backwards", ""];
        var error = Assert.Throws<InputException>(() => SubtitleCueReader.Parse(lines, vtt: false, "x.srt"));
        Assert.Contains("x.srt:2", error.Message);
    }

    [Fact]
    public void A_vtt_without_header_is_refused()
    {
        Assert.Throws<InputException>(() => SubtitleCueReader.Parse(["00:01.000 --> 00:02.000", "hi"], vtt: true, "x.vtt"));
    }
}
