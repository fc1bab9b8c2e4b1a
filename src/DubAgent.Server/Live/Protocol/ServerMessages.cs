using System.Text.Json;
using DubAgent.Abstractions;

namespace DubAgent.Server.Live.Protocol;

/// <summary>A message to the client; serialised with the protocol's snake_case names.</summary>
public abstract record ServerMessage(string Type)
{
    /// <summary>Partial transcripts may be dropped for a slow client; everything else is delivered or the session ends.</summary>
    public virtual bool IsDroppable() => false;

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, GetType(), DubAgentJson.Compact);
}

public sealed record TranscriptMessage(string SegmentId, string Text, double Start, double End, bool Final, string Speaker) : ServerMessage("transcript")
{
    public override bool IsDroppable() => !Final;
}

public sealed record TranslationMessage(string SegmentId, string Text) : ServerMessage("translation");

public sealed record DubbedAudioMessage(string SegmentId, string AudioData, int SampleRate, LatencyFigures LatencyMs) : ServerMessage("dubbed_audio");

/// <summary>Milliseconds per stage; `total` runs from the end of the utterance's audio (its arrival here) to the message.</summary>
public sealed record LatencyFigures(double Asr, double Translate, double Tts, double Total);

public sealed record ErrorMessage(string Message, string Hint) : ServerMessage("error");

/// <summary>`started` (with the languages, engines and speech detector in use) or `stopped` (with the session's figures).</summary>
public sealed record SessionMessage(
    string State,
    string SessionId,
    string ConnectionId,
    string? SourceLanguage = null,
    string? TargetLanguage = null,
    bool? PreserveVoice = null,
    IReadOnlyDictionary<string, string>? Engines = null,
    int? Segments = null,
    string? Note = null) : ServerMessage("session");
