using DubAgent.Engines.Synthesis;

namespace DubAgent.Server.Live.Pipeline;

/// <summary>A recognised utterance on its way to translation and synthesis, with the clock readings latency is measured from.</summary>
/// <param name="EndArrival">Stopwatch timestamp at which the utterance's last speech audio reached the server.</param>
/// <param name="Recognised">Stopwatch timestamp at which its final transcript was ready.</param>
/// <param name="Audio">Its 16 kHz speech (for matching the speaker to the voice library).</param>
public sealed record Utterance(string SegmentId, string Text, double Start, double End, string Speaker, EspeakPersona Persona, long EndArrival, long Recognised,
    short[] Audio);

/// <summary>A piece of the incoming stream (at most half a second) and when it arrived.</summary>
public readonly record struct AudioPiece(short[] Samples, long Arrival);
