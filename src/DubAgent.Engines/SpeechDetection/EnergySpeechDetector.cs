using DubAgent.Core.Dsp;

namespace DubAgent.Engines.SpeechDetection;

/// <summary>The built-in energy and pitch detector (<see cref="VoiceActivityDetector"/>): needs no model, but takes much music for speech.</summary>
public sealed class EnergySpeechDetector : ISpeechDetector
{
    public const string Name = "energy";

    public Task<DetectedSpeech> DetectAsync(string wavPath, IProgress<double>? progress, CancellationToken cancellationToken) =>
        Task.Run(() => new DetectedSpeech(new VoiceActivityDetector().DetectFile(wavPath, cancellationToken, progress), Name), cancellationToken);
}
