using System.Text.Json;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Engines.Synthesis;

using Translation = DubAgent.Abstractions.Domain.Translation;

/// <summary>Reads translation.json and checks what synthesis relies on: unique ids and sane times.</summary>
public static class TranslationInput
{
    public static Translation Load(string path)
    {
        Translation? translation;
        try
        {
            using var stream = File.OpenRead(path);
            translation = JsonSerializer.Deserialize<Translation>(stream, DubAgentJson.Options);
        }
        catch (JsonException e)
        {
            throw new InputException($"'{path}' is not a valid translation.json: {e.Message}",
                "Give the translation.json the translate tool wrote (segments with id, speaker, start, end, target_text).");
        }
        if (translation is null || translation.Segments is null)
            throw new InputException($"'{path}' holds no translation.", "Give the translation.json the translate tool wrote.");
        return Check(translation, path);
    }

    /// <summary>Gives missing ids their seg_NNNN form and refuses duplicate ids and impossible times.</summary>
    public static Translation Check(Translation translation, string name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var segments = new List<TranslatedSegment>(translation.Segments.Count);
        for (var i = 0; i < translation.Segments.Count; i++)
        {
            var segment = translation.Segments[i] ?? throw new InputException($"{name}: segment {i + 1} is null.");
            if (string.IsNullOrWhiteSpace(segment.Id)) segment = segment with { Id = TranscriptSegment.IdFor(i) };
            if (!seen.Add(segment.Id))
                throw new InputException($"{name}: the segment id '{segment.Id}' appears twice.", "Give every segment its own id.");
            if (!double.IsFinite(segment.Start) || !double.IsFinite(segment.End) || segment.Start < 0)
                throw new InputException($"{name}: segment '{segment.Id}' has an invalid time (start {segment.Start}, end {segment.End}).",
                    "Times are seconds from the start of the media, start >= 0.");
            if (segment.End < segment.Start)
                throw new InputException($"{name}: segment '{segment.Id}' ends ({segment.End:0.###} s) before it starts ({segment.Start:0.###} s).",
                    "Swap or correct its start and end.");
            segments.Add(segment);
        }
        return translation with { Segments = segments };
    }
}
