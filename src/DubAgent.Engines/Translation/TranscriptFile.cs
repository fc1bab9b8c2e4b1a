using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Engines.Translation;

/// <summary>
/// Reads a transcript.json (DESIGN.md format) and checks that it can be translated, with errors that name the file
/// and the problem. Parsing is <see cref="TranscriptJson.Read"/>'s; the checks here are what translation needs.
/// </summary>
public static class TranscriptFile
{
    public static Transcript Read(string path)
    {
        var transcript = TranscriptJson.Read(path);
        if (transcript.Segments.Count == 0)
            throw new InputException($"The transcript '{path}' has no segments.", "There is nothing to translate: pass a transcript with segments (transcribe stops with 'No speech was found' when the audio has none).");
        if (string.IsNullOrWhiteSpace(transcript.Language))
            throw new InputException($"The transcript '{path}' does not say its language.", "Add \"language\": \"en\" (ISO 639-1) to the transcript.");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < transcript.Segments.Count; i++)
        {
            var s = transcript.Segments[i];
            if (!(s.End >= s.Start) || s.Start < 0)
                throw new InputException($"Segment {i + 1} of '{path}' has start {s.Start} and end {s.End}.", "Every segment needs 0 <= start <= end (seconds).");
            if (!string.IsNullOrWhiteSpace(s.Id) && !ids.Add(s.Id))
                throw new InputException($"The transcript '{path}' has two segments with id '{s.Id}'.", "Segment ids must be unique.");
        }
        return transcript;
    }
}
