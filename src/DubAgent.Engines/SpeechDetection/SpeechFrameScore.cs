using DubAgent.Core.Dsp;

namespace DubAgent.Engines.SpeechDetection;

/// <summary>
/// Agreement of detected speech with a reference, frame by frame (10 ms, <see cref="RegionFrames"/>): precision, recall
/// and their F1 over the speech frames, and the share of the duration each side calls speech. Overlaps count once.
/// </summary>
public sealed record SpeechFrameScore(double Precision, double Recall, double F1, double ReferenceShare, double DetectedShare)
{
    public static SpeechFrameScore Compute(IEnumerable<SpeechRegion> reference, IEnumerable<SpeechRegion> detected, double durationSeconds)
    {
        var truth = RegionFrames.Mark(reference, durationSeconds);
        var found = RegionFrames.Mark(detected, durationSeconds);
        int both = 0, truthCount = 0, foundCount = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            if (truth[i]) truthCount++;
            if (found[i]) foundCount++;
            if (truth[i] && found[i]) both++;
        }
        var precision = foundCount == 0 ? (truthCount == 0 ? 1 : 0) : (double)both / foundCount;
        var recall = truthCount == 0 ? (foundCount == 0 ? 1 : 0) : (double)both / truthCount;
        var f1 = precision + recall <= 0 ? 0 : 2 * precision * recall / (precision + recall);
        var n = Math.Max(1, truth.Length);
        return new SpeechFrameScore(precision, recall, f1, (double)truthCount / n, (double)foundCount / n);
    }
}
