namespace DubAgent.Engines.Analysis;

/// <summary>What the audio analysis measured over the whole soundtrack.</summary>
/// <param name="SpeechRatio">Share of the duration the voice-activity detector marks as speech, 0..1.</param>
/// <param name="MusicRatio">Share of frames with sustained tonal energy (notes held over seconds; a tone that never stops, like mains hum, is not music), 0..1.</param>
/// <param name="BackgroundToSpeechDb">Mean power of the pauses (frames at least a quarter second from speech) above the file's steady floor (hum, hiss, room tone), relative to the speech frames, dB (-120 when the pauses hold nothing more).</param>
/// <param name="LoudEventRatio">Share of the pauses with a sound (above that floor) within 6 dB of the speech's median level (door slams, hits, explosions), 0..1.</param>
/// <param name="Turns">How the speech comes: turns, pauses between them, long gaps without speech.</param>
public sealed record SoundtrackFigures(double DurationSeconds, double SpeechSeconds, double SpeechRatio, double MusicRatio,
    double BackgroundToSpeechDb, double LoudEventRatio, SpeechTurns Turns);
