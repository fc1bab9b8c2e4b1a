using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Errors;
using DubAgent.Abstractions.Tools;
using DubAgent.Engines.Subtitles;
using Microsoft.Extensions.DependencyInjection;

namespace DubAgent.Engines.Tests.Subtitles;

public sealed class WriteSubtitlesToolTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dubagent-subtitles-").FullName;
    private readonly WriteSubtitlesTool _tool = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ToolContext Context() => new() { WorkDirectory = _folder, JobDirectory = _folder, Services = new ServiceCollection().BuildServiceProvider() };

    private string Write(string name, object document)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, JsonSerializer.Serialize(document, DubAgentJson.Options));
        return path;
    }

    private static readonly TranslatedSegment[] Segments =
    [
        new() { Id = "seg_0001", Speaker = "SPEAKER_00", Start = 0.5, End = 3.2, Text = "Good morning. Did you bring the map for the trip?", TargetText = "Buenos días. ¿Trajiste el mapa para el viaje?" },
        new() { Id = "seg_0002", Speaker = "SPEAKER_01", Start = 3.6, End = 14.0,
            Text = "Yes, I have it right here in my bag, together with the tickets, the passports, the hotel booking and the list of places my sister said we must not miss.",
            TargetText = "Sí, lo tengo aquí en mi bolso, junto con los billetes, los pasaportes, la reserva del hotel y la lista de sitios que mi hermana dijo que no podemos perder." },
    ];

    [Fact]
    public async Task A_translation_gives_srt_and_vtt_in_both_languages_within_the_limits()
    {
        var input = Write("translation.json", new DubAgent.Abstractions.Domain.Translation { SourceLanguage = "en", TargetLanguage = "es", Engine = "apertium", Segments = Segments });
        var result = await _tool.InvokeAsync(new WriteSubtitlesArguments { Input = input }, Context());

        Assert.Equal(["subtitles.en.srt", "subtitles.en.vtt", "subtitles.es.srt", "subtitles.es.vtt"], result.Files.Select(Path.GetFileName));
        Assert.Equal(["source", "target"], result.Tracks.Select(t => t.Text));
        Assert.All(result.Tracks, t => Assert.True(t.Cues > t.Segments, "the long segment is split"));

        var srt = File.ReadAllText(Path.Combine(_folder, "subtitles.es.srt"));
        Assert.StartsWith("1\n00:00:00,500 --> ", srt);
        Assert.Contains("¿Trajiste", srt);
        var textLines = srt.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(block => block.Split('\n').Skip(2).ToList()).ToList();
        Assert.All(textLines, lines => { Assert.InRange(lines.Count, 1, 2); Assert.All(lines, l => Assert.InRange(l.Length, 1, 42)); });
        Assert.StartsWith("WEBVTT\n\n00:00:00.500 --> ", File.ReadAllText(Path.Combine(_folder, "subtitles.en.vtt")));
        Assert.All(result.Tracks, t => Assert.Equal(0, t.FastCues));
    }

    [Fact]
    public async Task A_transcript_gives_the_source_only_and_refuses_target()
    {
        var transcript = new Transcript
        {
            Language = "en",
            Segments = Segments.Select(s => new TranscriptSegment { Id = s.Id, Speaker = s.Speaker, Start = s.Start, End = s.End, Text = s.Text }).ToList(),
        };
        var input = Write("transcript.json", transcript);
        var result = await _tool.InvokeAsync(new WriteSubtitlesArguments { Input = input, Formats = ["srt"], Name = "film" }, Context());
        Assert.Equal(["film.en.srt"], result.Files.Select(Path.GetFileName));

        var error = await Assert.ThrowsAsync<InputException>(() => _tool.InvokeAsync(new WriteSubtitlesArguments { Input = input, Text = "target" }, Context()));
        Assert.Contains("no target text", error.Message);
    }

    [Fact]
    public async Task Bad_arguments_are_clear_errors()
    {
        var input = Write("translation.json", new DubAgent.Abstractions.Domain.Translation { SourceLanguage = "en", TargetLanguage = "es", Segments = Segments });
        await Assert.ThrowsAsync<InputException>(() => _tool.InvokeAsync(new WriteSubtitlesArguments { Input = input, Formats = ["ass"] }, Context()));
        await Assert.ThrowsAsync<InputException>(() => _tool.InvokeAsync(new WriteSubtitlesArguments { Input = input, MaxLineLength = 3 }, Context()));
        await Assert.ThrowsAsync<InputException>(() => _tool.InvokeAsync(new WriteSubtitlesArguments { Input = input, Name = "../x" }, Context()));
        await Assert.ThrowsAsync<InputException>(() => _tool.InvokeAsync(new WriteSubtitlesArguments { Input = Path.Combine(_folder, "missing.json") }, Context()));
        await Assert.ThrowsAsync<InputException>(() => _tool.InvokeAsync(new WriteSubtitlesArguments { Input = " " }, Context()));
    }
}
