namespace DubAgent.Engines.Diarization;

/// <summary>
/// Frame-level re-segmentation: the most likely speaker sequence over the blocks given each block's score per
/// speaker, where changing speaker inside a speech span costs <see cref="SwitchPenalty"/> and across a pause costs
/// <see cref="PauseSwitchPenalty"/>. Boundaries move to where the scores really cross, and one-block flips vanish.
/// </summary>
public sealed class ViterbiResegmenter
{
    public double SwitchPenalty { get; init; } = 20;

    public double PauseSwitchPenalty { get; init; } = 2;

    /// <param name="scores">Per block, a log-score per speaker (higher is likelier).</param>
    /// <param name="spans">Per block, its speech span: consecutive blocks of one span are continuous speech.</param>
    public int[] Decode(IReadOnlyList<double[]> scores, IReadOnlyList<int> spans)
    {
        var n = scores.Count;
        if (n == 0) return [];
        var k = scores[0].Length;
        var back = new int[n, k];
        var total = scores[0].ToArray();
        var next = new double[k];
        for (var t = 1; t < n; t++)
        {
            var penalty = spans[t] == spans[t - 1] ? SwitchPenalty : PauseSwitchPenalty;
            var best = 0;
            for (var j = 1; j < k; j++) if (total[j] > total[best]) best = j;
            for (var j = 0; j < k; j++)
            {
                var stay = total[j];
                var change = total[best] - penalty;
                if (best != j && change > stay)
                {
                    next[j] = change + scores[t][j];
                    back[t, j] = best;
                }
                else
                {
                    next[j] = stay + scores[t][j];
                    back[t, j] = j;
                }
            }
            (total, next) = (next, total);
        }
        var labels = new int[n];
        var last = 0;
        for (var j = 1; j < k; j++) if (total[j] > total[last]) last = j;
        labels[n - 1] = last;
        for (var t = n - 1; t > 0; t--) labels[t - 1] = back[t, labels[t]];
        return labels;
    }
}
