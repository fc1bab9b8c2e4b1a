using DubAgent.Core.Dsp;

namespace DubAgent.Engines.SpeechDetection;

/// <summary>
/// Turns per-window speech probabilities into regions the way Silero's get_speech_timestamps does: speech starts at a
/// window at or above the on threshold; once speaking, it ends only after windows under the off threshold have lasted
/// the minimum silence (a window back above the on threshold cancels the pending end); regions shorter than the
/// minimum speech are dropped; every region is padded, and two regions closer than two pads meet halfway.
/// </summary>
public static class SpeechProbabilitySegmenter
{
    /// <param name="probabilities">One per window of <paramref name="windowSamples"/> samples, window i starting at sample i·windowSamples.</param>
    /// <param name="totalSamples">Length of the audio (regions never pass it).</param>
    public static IReadOnlyList<SpeechRegion> Segment(IReadOnlyList<float> probabilities, int windowSamples, long totalSamples, int sampleRate,
        SileroVadSettings settings)
    {
        var minSpeech = settings.MinSpeechSeconds * sampleRate;
        var minSilence = settings.MinSilenceSeconds * sampleRate;
        var pad = (long)(settings.PadSeconds * sampleRate);

        var found = new List<(long Start, long End)>();
        long start = -1, silenceFrom = -1;
        for (var i = 0; i < probabilities.Count; i++)
        {
            var p = probabilities[i];
            var at = (long)i * windowSamples;
            if (p >= settings.OnThreshold)
            {
                silenceFrom = -1;
                if (start < 0) start = at;
                continue;
            }
            if (start < 0 || p >= settings.OffThreshold) continue;
            if (silenceFrom < 0) silenceFrom = at;
            if (at - silenceFrom < minSilence) continue;
            if (silenceFrom - start > minSpeech) found.Add((start, silenceFrom));
            start = silenceFrom = -1;
        }
        // Speech running to the end of the audio ends there (a pending silence shorter than the minimum does not count).
        if (start >= 0 && totalSamples - start > minSpeech) found.Add((start, totalSamples));

        var regions = new SpeechRegion[found.Count];
        for (var i = 0; i < found.Count; i++)
        {
            var (from, to) = found[i];
            from = i == 0 ? from - pad : Meet(found[i - 1].End, from, pad).Start;
            to = i == found.Count - 1 ? to + pad : Meet(to, found[i + 1].Start, pad).End;
            regions[i] = new SpeechRegion(Math.Max(0, from) / (double)sampleRate, Math.Min(totalSamples, to) / (double)sampleRate);
        }
        return regions;
    }

    /// <summary>Padding across a gap: each side by the pad, or, when the gap is under two pads, both to its middle.</summary>
    private static (long End, long Start) Meet(long end, long nextStart, long pad)
    {
        var gap = nextStart - end;
        return gap < 2 * pad ? (end + gap / 2, nextStart - gap / 2) : (end + pad, nextStart - pad);
    }
}
