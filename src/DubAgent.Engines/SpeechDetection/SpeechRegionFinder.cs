using DubAgent.Abstractions;
using DubAgent.Abstractions.Engines;
using DubAgent.Core.Dsp;
using Microsoft.Extensions.Logging;

namespace DubAgent.Engines.SpeechDetection;

/// <summary>
/// Speech regions of a 16 kHz mono WAV for the transcribers and the mfcc diarizer, from the product's speech detector,
/// with its progress reported as "finding speech" and a fallback to the energy detector logged as a warning.
/// </summary>
public sealed class SpeechRegionFinder(ISpeechDetector detector)
{
    public async Task<IReadOnlyList<SpeechRegion>> FindAsync(string wavPath, EngineContext context)
    {
        var detection = await detector.DetectAsync(wavPath, new FractionProgress(context.Progress), context.CancellationToken).ConfigureAwait(false);
        if (detection.Note is { } note) context.Logger.LogWarning("{Note}", note);
        return detection.Activity.Regions;
    }

    /// <summary>Passes fractions straight through (no synchronisation context hop, unlike Progress&lt;T&gt;).</summary>
    private sealed class FractionProgress(IProgress<ProgressUpdate> target) : IProgress<double>
    {
        public void Report(double value) => target.Report(new ProgressUpdate(value, "finding speech"));
    }
}
