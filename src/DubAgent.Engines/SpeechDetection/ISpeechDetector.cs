namespace DubAgent.Engines.SpeechDetection;

/// <summary>
/// Finds where people speak in a 16 kHz mono WAV (what <see cref="Mono16kExtractor"/> makes). The one
/// service analyze_media, transcription chunking and diarization ask for speech regions.
/// </summary>
public interface ISpeechDetector
{
    Task<DetectedSpeech> DetectAsync(string wavPath, IProgress<double>? progress, CancellationToken cancellationToken);
}
