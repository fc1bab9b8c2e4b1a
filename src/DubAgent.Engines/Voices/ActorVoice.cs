using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Voices;

namespace DubAgent.Engines.Voices;

/// <summary>
/// The voice a known actor speaks with on one engine in one language: their assignment for the language when it is on
/// this engine, else a voice this engine cloned from them (a cloned voice speaks every language the engine does).
/// Either must still be among the engine's voices; otherwise <see cref="Unusable"/> says why.
/// </summary>
/// <param name="How">"assigned" or "cloned".</param>
public sealed record ActorVoice(string Voice, string How, double? Rate, double? Pitch)
{
    public static ActorVoice? For(VoiceActor actor, string language, string engine, IReadOnlyList<VoiceInfo> voices, out string? unusable)
    {
        unusable = null;
        var assigned = actor.AssignmentFor(language);
        if (assigned is not null && Same(assigned.Engine, engine) && Listed(voices, assigned.Voice))
            return new ActorVoice(assigned.Voice, "assigned", assigned.Rate, assigned.Pitch);
        var cloned = actor.ClonedVoices.Where(c => Same(c.Engine, engine)).OrderByDescending(c => c.Created).ToList();
        if (cloned.FirstOrDefault(c => Listed(voices, c.VoiceId)) is { } clone)
            return new ActorVoice(clone.VoiceId, "cloned", null, null);
        if (cloned.Count > 0)
            unusable = $"{actor.Name}'s cloned voice {engine}/{cloned[0].VoiceId} is no longer among {engine}'s voices: cast anew";
        else if (assigned is not null)
            unusable = $"{actor.Name}'s {language} voice is {assigned.Engine}/{assigned.Voice}: not usable with {engine}, cast anew";
        return null;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool Listed(IReadOnlyList<VoiceInfo> voices, string voice) => voices.Any(v => Same(v.Name, voice));
}
