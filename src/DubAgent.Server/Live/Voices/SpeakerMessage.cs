using DubAgent.Server.Live.Protocol;

namespace DubAgent.Server.Live.Voices;

/// <summary>With preserve_voice: a live speaker was recognised as a voice library actor, and the voice they are dubbed with.</summary>
public sealed record SpeakerMessage(string Speaker, string Actor, double Score, string? Engine, string? Voice, string? Note = null) : ServerMessage("speaker");
