using System.Text.Json;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Engines.Export;

/// <summary>One speaker's dubbing voice and the engine that spoke it.</summary>
public sealed record SpeakerVoice(string Speaker, string Voice, string? Engine);

/// <summary>Reads the cast from synthesize's placements.json (its `cast`, else the voices of its placements).</summary>
public static class SpeakerVoices
{
    public static (IReadOnlyList<SpeakerVoice> Voices, string? Engine) Read(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            var engine = JobProvenance.Text(root, "engine");
            var voices = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("cast", out var cast) && cast.ValueKind == JsonValueKind.Array)
                foreach (var entry in cast.EnumerateArray())
                    Add(voices, entry);
            if (voices.Count == 0 && root.TryGetProperty("placements", out var placements) && placements.ValueKind == JsonValueKind.Array)
                foreach (var entry in placements.EnumerateArray())
                    Add(voices, entry);
            return (voices.Select(v => new SpeakerVoice(v.Key, v.Value, engine)).ToList(), engine);
        }
        catch (JsonException e)
        {
            throw new InputException($"The placements file '{path}' is not valid JSON: {e.Message}", "Give the placements.json synthesize wrote.", e);
        }
    }

    private static void Add(SortedDictionary<string, string> voices, JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object) return;
        var speaker = JobProvenance.Text(entry, "speaker");
        var voice = JobProvenance.Text(entry, "voice");
        if (speaker is not null && !string.IsNullOrEmpty(voice)) voices.TryAdd(speaker, voice);
    }
}
