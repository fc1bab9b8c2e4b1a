using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;

namespace DubAgent.Abstractions.Tests;

/// <summary>The artifact formats other tools and people read: DESIGN.md's transcript shape, snake_case, enums as strings.</summary>
public class TranscriptFormatTests
{
    [Fact]
    public void A_transcript_in_the_design_format_reads_and_writes_back_the_same_names()
    {
        const string json = """
            { "num_speakers": 2, "total_duration": 3420.48, "language": "tr",
              "segments": [ { "id": "seg_0001", "speaker": "SPEAKER_01", "start": 130.9, "end": 132.32,
                              "text": "Sen ne yaptın, niye geldin?", "confidence": 1.0 } ] }
            """;

        var transcript = JsonSerializer.Deserialize<Transcript>(json, DubAgentJson.Options)!;

        Assert.Equal(2, transcript.NumSpeakers);
        Assert.Equal(3420.48, transcript.TotalDuration);
        var segment = Assert.Single(transcript.Segments);
        Assert.Equal("SPEAKER_01", segment.Speaker);
        Assert.Equal(1.42, segment.Duration, 6);
        var written = JsonSerializer.Serialize(transcript, DubAgentJson.Options);
        foreach (var name in new[] { "\"num_speakers\"", "\"total_duration\"", "\"segments\"", "\"speaker\"", "\"confidence\"" })
            Assert.Contains(name, written);
        Assert.DoesNotContain("\"duration\"", written); // derived, not stored
        Assert.DoesNotContain("\"words\"", written);    // null fields are left out
    }

    [Fact]
    public void Segment_ids_are_stable_and_sortable()
    {
        Assert.Equal("seg_0001", TranscriptSegment.IdFor(0));
        Assert.Equal("seg_1511", TranscriptSegment.IdFor(1510));
        Assert.True(string.CompareOrdinal(TranscriptSegment.IdFor(9), TranscriptSegment.IdFor(10)) < 0);
    }

    [Fact]
    public void Enums_are_written_as_snake_case_strings()
    {
        var written = JsonSerializer.Serialize(new Media.MediaStream { Kind = Media.StreamKind.Audio }, DubAgentJson.Options);

        Assert.Contains("\"kind\": \"audio\"", written);
    }
}
