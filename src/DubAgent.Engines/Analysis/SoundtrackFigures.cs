namespace DubAgent.Engines.Analysis;

/// <summary>What the audio analysis measured over the whole soundtrack.</summary>
/// <param name="SpeechRatio">Share of the duration the voice-activity detector marks as speech, 0..1.</param>
/// <param name="MusicRatio">Share of frames with sustained tonal energy (notes held over seconds), 0..1.</param>
/// <param name="BackgroundToSpeechDb">Mean power of the non-speech frames relative to the speech frames, dB (-120 when the pauses are silent).</param>
public sealed record SoundtrackFigures(double DurationSeconds, double SpeechSeconds, double SpeechRatio, double MusicRatio, double BackgroundToSpeechDb);
