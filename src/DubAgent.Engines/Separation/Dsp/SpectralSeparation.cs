namespace DubAgent.Engines.Separation.Dsp;

/// <summary>What the spectral separator wrote and what it found.</summary>
/// <param name="Stems">Stem name to WAV path.</param>
/// <param name="SpeechSeconds">Seconds the voice-activity detector marked as speech.</param>
/// <param name="VoicedSeconds">Seconds of those with a followed pitch.</param>
public sealed record SpectralSeparation(IReadOnlyDictionary<string, string> Stems, double DurationSeconds, double SpeechSeconds,
    double VoicedSeconds, string Layout);
