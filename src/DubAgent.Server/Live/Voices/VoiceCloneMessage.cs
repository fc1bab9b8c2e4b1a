using DubAgent.Server.Live.Protocol;

namespace DubAgent.Server.Live.Voices;

/// <summary>
/// The answer to a create_voice_clone the library accepted: `cloned` (the engine made a voice, <paramref name="VoiceId"/>)
/// or `recorded` (the actor, samples and consent are kept; <paramref name="Note"/> says which engine is missing and how to get it).
/// </summary>
public sealed record VoiceCloneMessage(string SpeakerId, string State, int Clips, double Seconds, string? Engine = null, string? VoiceId = null, string? Note = null)
    : ServerMessage("voice_clone");
