namespace DubAgent.Engines.Diarization;

/// <summary>
/// Refines block labels the same way for every speaker model: score each block against each speaker (fitted from the
/// blocks currently labelled so), decode the likeliest sequence (<see cref="ViterbiResegmenter"/>), refit, repeat.
/// With the count free, speakers holding too little speech are dropped and their blocks re-decoded among the rest.
/// </summary>
public sealed class SpeakerResegmenter
{
    public int Iterations { get; init; } = 3;

    public ViterbiResegmenter Viterbi { get; init; } = new();

    /// <summary>A speaker must hold this share of the speech or <see cref="MinSpeakerSeconds"/>, else it is a cough, a laugh or a backchannel.</summary>
    public double MinClusterShare { get; init; } = 0.1;

    public double MinSpeakerSeconds { get; init; } = 15;

    /// <param name="labels">A speaker index per block; -1 for blocks that fit no model yet.</param>
    /// <param name="score">Per block, a log-score for each speaker fitted from the labels (k = number of speakers).</param>
    /// <param name="dropSmall">True when the count is free: small speakers are dropped.</param>
    /// <param name="minSpeakers">Decoding never leaves fewer speakers than this (the given count, or the min_speakers hint).</param>
    public int[] Refine(IReadOnlyList<SpeechBlock> blocks, int[] labels, Func<int[], int, IReadOnlyList<double[]>> score, bool dropSmall, int minSpeakers)
    {
        var spans = blocks.Select(b => b.Span).ToArray();
        labels = Renumber(labels);
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var k = labels.Max() + 1;
            if (k <= 1) return labels.Select(_ => 0).ToArray();
            var decoded = Renumber(Viterbi.Decode(score(labels, k), spans));
            if (decoded.Max() + 1 < Math.Min(k, minSpeakers)) break; // a speaker the caller asked for would vanish
            var unchanged = decoded.SequenceEqual(labels);
            labels = decoded;
            if (unchanged) break;
        }
        labels = FillUnlabelled(labels);
        if (!dropSmall) return labels;
        var kept = Small(blocks, labels, minSpeakers);
        if (kept is null) return labels;
        return Refine(blocks, labels.Select(l => kept.Contains(l) ? l : -1).ToArray(), score, dropSmall: false, minSpeakers);
    }

    /// <summary>The speakers to keep when some are too small, else null.</summary>
    private HashSet<int>? Small(IReadOnlyList<SpeechBlock> blocks, int[] labels, int minSpeakers)
    {
        var seconds = new Dictionary<int, double>();
        for (var i = 0; i < blocks.Count; i++) seconds[labels[i]] = seconds.GetValueOrDefault(labels[i]) + (blocks[i].End - blocks[i].Start);
        var total = seconds.Values.Sum();
        var keep = seconds.OrderByDescending(p => p.Value)
            .Where((p, rank) => rank < Math.Max(1, minSpeakers) || p.Value >= MinClusterShare * total || p.Value >= MinSpeakerSeconds)
            .Select(p => p.Key).ToHashSet();
        return keep.Count < seconds.Count ? keep : null;
    }

    /// <summary>Blocks never decoded (decoding stopped early) take the label before them, or after them at the start.</summary>
    private static int[] FillUnlabelled(int[] labels)
    {
        var result = labels.ToArray();
        var last = Array.Find(result, l => l >= 0);
        for (var i = 0; i < result.Length; i++)
            if (result[i] < 0) result[i] = Math.Max(0, last);
            else last = result[i];
        return result;
    }

    /// <summary>Labels 0..k-1 in order of first appearance; -1 stays -1.</summary>
    private static int[] Renumber(int[] labels)
    {
        var map = new Dictionary<int, int>();
        return labels.Select(l => l < 0 ? -1 : map.TryGetValue(l, out var n) ? n : map[l] = map.Count).ToArray();
    }
}
