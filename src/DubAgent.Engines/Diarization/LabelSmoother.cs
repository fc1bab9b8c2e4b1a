namespace DubAgent.Engines.Diarization;

/// <summary>
/// Removes short flips: inside one speech span, a run of labels shorter than <see cref="MinRunBlocks"/> takes the
/// label of its longer neighbouring run (a speaker does not change for a quarter of a second and back).
/// </summary>
public sealed class LabelSmoother
{
    public int MinRunBlocks { get; init; } = 3;

    /// <param name="groups">The span of each block; runs never cross spans.</param>
    public int[] Smooth(IReadOnlyList<int> labels, IReadOnlyList<int> groups)
    {
        var result = labels.ToArray();
        // Each pass relabels every short run that has a longer neighbour; a few passes settle any chain of flips.
        for (var pass = 0; pass < 8; pass++)
        {
            if (!AbsorbShortRuns(result, groups)) break;
        }
        return result;
    }

    /// <summary>Relabels the short runs that have a longer neighbour in their span; false when none changed.</summary>
    private bool AbsorbShortRuns(int[] labels, IReadOnlyList<int> groups)
    {
        var runs = Runs(labels, groups);
        var donors = new int[runs.Count];
        var changed = false;
        for (var r = 0; r < runs.Count; r++)
        {
            donors[r] = -1;
            var (start, length) = runs[r];
            if (length >= MinRunBlocks) continue;
            (int Start, int Length)? before = r > 0 && groups[runs[r - 1].Start] == groups[start] ? runs[r - 1] : null;
            (int Start, int Length)? after = r + 1 < runs.Count && groups[runs[r + 1].Start] == groups[start] ? runs[r + 1] : null;
            var donor = (before, after) switch
            {
                ({ } b, { } a) => b.Length >= a.Length ? b : a,
                ({ } b, null) => b,
                (null, { } a) => a,
                _ => ((int Start, int Length)?)null,
            };
            if (donor is { } d && d.Length > length) donors[r] = labels[d.Start];
        }
        // Applied after the scan, so every decision above saw the labels as they were.
        for (var r = 0; r < runs.Count; r++)
        {
            if (donors[r] < 0) continue;
            for (var i = runs[r].Start; i < runs[r].Start + runs[r].Length; i++) labels[i] = donors[r];
            changed = true;
        }
        return changed;
    }

    private static List<(int Start, int Length)> Runs(int[] labels, IReadOnlyList<int> groups)
    {
        var runs = new List<(int Start, int Length)>();
        for (var i = 0; i < labels.Length; i++)
        {
            if (runs.Count > 0 && labels[i] == labels[runs[^1].Start] && groups[i] == groups[runs[^1].Start])
                runs[^1] = (runs[^1].Start, runs[^1].Length + 1);
            else
                runs.Add((i, 1));
        }
        return runs;
    }
}
