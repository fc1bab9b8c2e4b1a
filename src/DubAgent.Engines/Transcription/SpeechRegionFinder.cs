using DubAgent.Abstractions;
using DubAgent.Abstractions.Engines;
using DubAgent.Core.Dsp;

namespace DubAgent.Engines.Transcription;

/// <summary>Core's voice-activity detector over a WAV file, off the caller's thread, with its progress reported as "finding speech".</summary>
public static class SpeechRegionFinder
{
    public static Task<IReadOnlyList<SpeechRegion>> FindAsync(string wavPath, EngineContext context) =>
        Task.Run(() => new VoiceActivityDetector().DetectFile(wavPath, context.CancellationToken, new FractionProgress(context.Progress)).Regions,
            context.CancellationToken);

    /// <summary>Passes fractions straight through (no synchronisation context hop, unlike Progress&lt;T&gt;).</summary>
    private sealed class FractionProgress(IProgress<ProgressUpdate> target) : IProgress<double>
    {
        public void Report(double value) => target.Report(new ProgressUpdate(value, "finding speech"));
    }
}
