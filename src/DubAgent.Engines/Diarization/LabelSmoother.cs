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
        for (var guard = 0; guard < result.Length; guard++)
        {
            if (!AbsorbOneShortRun(result, groups)) break;
        }
        return result;
    }

    /// <summary>Relabels the first short run that has a longer neighbour in its span; false when none is left.</summary>
    private bool AbsorbOneShortRun(int[] labels, IReadOnlyList<int> groups)
    {
        var runs = Runs(labels, groups);
        for (var r = 0; r < runs.Count; r++)
        {
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
            if (donor is not { } d || d.Length <= length) continue;
            for (var i = start; i < start + length; i++) labels[i] = labels[d.Start];
            return true;
        }
        return false;
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
