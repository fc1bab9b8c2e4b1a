using DubAgent.Core.Dsp;

namespace DubAgent.Engines.SpeechDetection;

/// <summary>What a speech detector found and which detector found it.</summary>
/// <param name="Detector">`silero-vad` or `energy`.</param>
/// <param name="Note">Set when the preferred detector could not be used: why, and how to fix it.</param>
public sealed record DetectedSpeech(VoiceActivity Activity, string Detector, string? Note = null);
