using DubAgent.Abstractions.Voices;

namespace DubAgent.Engines.Voices;

/// <summary>An actor as tools and `dubagent voices list --json` show it: the records, without the embedding numbers.</summary>
public sealed record VoiceSummary(
    string Name,
    DateTimeOffset Created,
    string? Note,
    int Clips,
    double ClipSeconds,
    IReadOnlyList<string> EmbeddingKinds,
    IReadOnlyList<VoiceAssignment> Assignments,
    IReadOnlyList<ClonedVoiceSummary> ClonedVoices,
    IReadOnlyList<ConsentRecord> Consents,
    IReadOnlyList<ReferenceClip>? ClipFiles = null)
{
    public static VoiceSummary Of(VoiceActor actor, bool withClips = false) => new(
        actor.Name, actor.Created, actor.Note, actor.Clips.Count, Math.Round(actor.Clips.Sum(c => c.Seconds), 2),
        actor.Embeddings.Select(e => e.Kind).Distinct().ToList(), actor.Assignments,
        actor.ClonedVoices.Select(c => new ClonedVoiceSummary(c.Engine, c.VoiceId, c.Consent.ConsentedBy, c.Consent.Date)).ToList(),
        actor.Consents, withClips ? actor.Clips : null);
}

public sealed record ClonedVoiceSummary(string Engine, string VoiceId, string ConsentedBy, DateTimeOffset ConsentDate);

public sealed record VoiceListResult(string Library, int Count, IReadOnlyList<VoiceSummary> Actors);
