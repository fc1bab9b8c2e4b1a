using System.Text.Json;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Abstractions;

/// <summary>
/// transcript.json (DESIGN.md format), the file transcribe and diarize write and diarize, translate, mix and the benches
/// read: parsing with errors that name the file, stable segment ids, preview lines. Writers commit it atomically.
/// </summary>
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

    /// <summary>The file's text; write it with AtomicFile so a reader never sees half of it.</summary>
    public static string ToJson(Transcript transcript) => JsonSerializer.Serialize(transcript, DubAgentJson.Options);

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
