using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Errors;
using DubAgent.Core.Media;

namespace DubAgent.Engines.Transcription;

/// <summary>Reads and writes transcript.json (DESIGN.md format); writes atomically, gives segments their stable ids.</summary>
public static class TranscriptJson
{
    public static Transcript Read(string path, string argumentName = "transcript")
    {
        try
        {
            return JsonSerializer.Deserialize<Transcript>(File.ReadAllText(path), DubAgentJson.Options)
                ?? throw new InputException($"The {argumentName} '{path}' is empty JSON (null).", "Give a transcript.json written by transcribe or diarize.");
        }
        catch (JsonException e)
        {
            throw new InputException($"The {argumentName} '{path}' is not transcript JSON: {e.Message}",
                "Give a transcript.json written by transcribe or diarize ({ language, segments: [{ id, start, end, text }] }).");
        }
    }

    public static void Write(string path, Transcript transcript) =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(transcript, DubAgentJson.Options));

    /// <summary>Segments in time order, each with an id (seg_0001...) unless it already has one.</summary>
    public static Transcript WithIds(Transcript transcript) => transcript with
    {
        Segments = transcript.Segments
            .Select((s, i) => string.IsNullOrWhiteSpace(s.Id) ? s with { Id = TranscriptSegment.IdFor(i) } : s)
            .ToList(),
    };

    /// <summary>A line for result previews: "seg_0001 [1.20-3.40] SPEAKER_00: text".</summary>
    public static string PreviewLine(TranscriptSegment s) =>
        FormattableString.Invariant($"{s.Id} [{s.Start:0.00}-{s.End:0.00}]{(s.Speaker is null ? "" : " " + s.Speaker)}: {Shorten(s.Text)}");

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..97] + "...";
}
