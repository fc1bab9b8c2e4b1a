using DubAgent.Engines.Subtitles;
using DubAgent.Engines.Transcription;

namespace DubAgent.Engines.Tests.Subtitles;

/// <summary>What write_subtitles writes, the subtitles transcribe engine reads back: same cues, same text, same times (to the ms).</summary>
public sealed class SubtitleRoundTripTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dubagent-subtitle-roundtrip-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("srt")]
    [InlineData("vtt")]
    public void Written_cues_read_back_unchanged(string format)
    {
        var lines = new[]
        {
            new SubtitleLine(0.5, 3.1, "Good morning. Did you bring the map for the trip?", "SPEAKER_00"),
            new SubtitleLine(3.6, 14.0, "Yes, I have it right here in my bag, together with the tickets, the passports, the hotel booking and the list of places.", "SPEAKER_01"),
            new SubtitleLine(3725.25, 3727.0, "Fish and chips, then.", "SPEAKER_00"),
        };
        var cues = CueBuilder.Build(lines, new SubtitleLimits());
        var path = Path.Combine(_folder, $"round.{format}");
        File.WriteAllText(path, format == "srt" ? SrtWriter.Write(cues, false) : VttWriter.Write(cues, false));

        var read = SubtitleCueReader.Read(path);
        Assert.Equal(cues.Count, read.Count);
        for (var i = 0; i < cues.Count; i++)
        {
            Assert.Equal(string.Join(' ', cues[i].Lines), read[i].Text);
            Assert.Equal(cues[i].Start, read[i].Start, 3);
            Assert.Equal(cues[i].End, read[i].End, 3);
        }
    }
}
