using DubAgent.Abstractions.Engines;
using DubAgent.Abstractions.Media;
using DubAgent.Engines.SpeechDetection;

namespace DubAgent.Engines.Diarization;

/// <summary>
/// The first half of built-in diarization, shared by `mfcc` and `embeddings`: a 16 kHz mono copy, speech regions from
/// the speech detector, cepstral statistics per 0.25 s block, and cuts where the voice changes inside a region.
/// </summary>
public sealed class SpeechSegmenter(IMediaToolkit media, SpeechRegionFinder speech)
{
    /// <summary>Share of the file's own variance of each cepstral coefficient added to every covariance (keeps short stretches invertible).</summary>
    private const double FloorShare = 0.01;

    /// <returns>The segmented speech, or null when no speech was found.</returns>
    public async Task<SegmentedSpeech?> SegmentAsync(string audioPath, EngineContext context, double changeThreshold)
    {
        var (wav, _) = await Mono16kExtractor.PrepareAsync(media, audioPath, context.WorkDirectory, context.Progress, context.CancellationToken)
            .ConfigureAwait(false);
        var regions = await speech.FindAsync(wav, context).ConfigureAwait(false);
        if (regions.Count == 0) return null;
        IReadOnlyList<SpeechBlock> blocks;
        using (var reader = media.OpenWav(wav))
            blocks = new SpeechBlockExtractor().Extract(reader, regions, context.Progress, context.CancellationToken);
        if (blocks.Count == 0) return null;

        var all = SpeakerChangeDetector.Sum(blocks, 0, blocks.Count);
        var covariance = all.Covariance(new double[all.Dimensions]);
        var floor = Enumerable.Range(0, all.Dimensions).Select(i => Math.Max(1e-6, FloorShare * covariance[i * all.Dimensions + i])).ToArray();
        var distance = new BicDistance(floor);
        var segments = new SpeakerChangeDetector { Threshold = changeThreshold }.Segment(blocks, distance);
        return new SegmentedSpeech(wav, regions, blocks, segments, distance);
    }
}
