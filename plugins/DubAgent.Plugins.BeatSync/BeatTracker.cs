namespace DubAgent.Plugins.BeatSync;

/// <summary>
/// Beat times by dynamic programming (Ellis, "Beat Tracking by Dynamic Programming", 2007): each frame's score is its
/// onset strength plus the best earlier score one beat period back, penalized by how far the gap strays from the
/// period (log-ratio squared). Backtracking from the best final beat gives the sequence.
/// </summary>
public static class BeatTracker
{
    /// <summary>How strictly beats keep the tempo (Ellis' alpha; librosa's default tightness).</summary>
    public const double Tightness = 100;

    public static IReadOnlyList<int> Track(IReadOnlyList<double> onset, double framesPerBeat)
    {
        var n = onset.Count;
        if (n == 0 || framesPerBeat < 1) return [];
        var score = new double[n];
        var backlink = new int[n];
        var minGap = Math.Max(1, (int)Math.Round(framesPerBeat / 2));
        var maxGap = (int)Math.Round(framesPerBeat * 2);
        for (var t = 0; t < n; t++)
        {
            var best = double.NegativeInfinity;
            var link = -1;
            for (var gap = minGap; gap <= maxGap && gap <= t; gap++)
            {
                var ratio = Math.Log(gap / framesPerBeat);
                var candidate = score[t - gap] - Tightness * ratio * ratio;
                if (candidate > best) { best = candidate; link = t - gap; }
            }
            score[t] = onset[t] + (link >= 0 ? Math.Max(0, best) : 0);
            backlink[t] = link >= 0 && best > 0 ? link : -1;
        }

        // End on the strongest-scoring frame within the last beat period, then follow the links back.
        var tail = Math.Max(0, n - (int)Math.Ceiling(framesPerBeat));
        var end = tail;
        for (var t = tail; t < n; t++) if (score[t] > score[end]) end = t;
        var beats = new List<int>();
        for (var t = end; t >= 0; t = backlink[t]) beats.Add(t);
        beats.Reverse();
        return TrimWeakEnds(beats, onset);
    }

    /// <summary>Drops beats at the edges whose onset is under half the typical beat onset (silence before and after the music).</summary>
    private static IReadOnlyList<int> TrimWeakEnds(List<int> beats, IReadOnlyList<double> onset)
    {
        if (beats.Count < 3) return beats;
        var strengths = beats.Select(b => onset[b]).OrderBy(v => v).ToList();
        var threshold = 0.5 * strengths[strengths.Count / 2];
        var first = beats.FindIndex(b => onset[b] >= threshold);
        var last = beats.FindLastIndex(b => onset[b] >= threshold);
        return first < 0 ? [] : beats.GetRange(first, last - first + 1);
    }
}
