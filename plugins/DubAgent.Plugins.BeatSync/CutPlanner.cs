namespace DubAgent.Plugins.BeatSync;

/// <param name="Length">How long the clip is, in seconds: a cut never shows more than that.</param>
/// <param name="MinLength">Shortest the clip may be shown (default 1 s).</param>
/// <param name="MaxLength">Longest the clip may be shown (default its length).</param>
public sealed record ClipSpec(string Name, double Length, double? MinLength = null, double? MaxLength = null);

public sealed record PlannedCut(string Clip, double Start, double End, bool EndsOnDownbeat)
{
    public double Duration => End - Start;
}

public sealed record CutPlan(IReadOnlyList<PlannedCut> Cuts, IReadOnlyList<string> Unplaced);

/// <summary>
/// Places clips, in order, end to end on the beat grid: every cut lands on a beat, each clip's shown length stays within
/// its minimum and maximum (and never beyond its own length), cuts on downbeats are preferred, and each clip's shown
/// length stays close to its natural length (squared relative deviation, so when clips must shrink they share it). Dynamic programming over (clip, beat) finds the best plan; clips that no
/// longer fit in the song are reported as unplaced.
/// </summary>
public static class CutPlanner
{
    /// <summary>Cost of ending a clip on a beat that is not a downbeat, against the squared relative deviation from its target length.</summary>
    public const double OffDownbeatPenalty = 0.1;

    public static CutPlan Plan(IReadOnlyList<double> beats, IReadOnlyList<double> downbeats, IReadOnlyList<ClipSpec> clips, double? start = null)
    {
        if (beats.Count < 2 || clips.Count == 0) return new CutPlan([], clips.Select(c => c.Name).ToList());
        var isDownbeat = beats.Select(b => downbeats.Any(d => Math.Abs(d - b) < 1e-6)).ToArray();
        var hasDownbeats = isDownbeat.Any(x => x);
        var first = start is { } s
            ? Math.Max(0, Array.FindIndex(beats.ToArray(), b => b >= s - 1e-6))
            : hasDownbeats ? Array.IndexOf(isDownbeat, true) : 0;
        if (first < 0) return new CutPlan([], clips.Select(c => c.Name).ToList());

        var n = beats.Count;
        var cost = new double[clips.Count + 1, n];
        var from = new int[clips.Count + 1, n];
        for (var k = 0; k <= clips.Count; k++) for (var j = 0; j < n; j++) cost[k, j] = double.PositiveInfinity;
        cost[0, first] = 0;

        var placed = 0;
        for (var k = 0; k < clips.Count; k++)
        {
            var clip = clips[k];
            var min = clip.MinLength ?? Math.Min(1.0, clip.Length);
            var max = Math.Min(clip.MaxLength ?? clip.Length, clip.Length);
            var target = Math.Clamp(clip.Length, min, max);
            var any = false;
            for (var i = 0; i < n; i++)
            {
                if (double.IsPositiveInfinity(cost[k, i])) continue;
                for (var j = i + 1; j < n; j++)
                {
                    var d = beats[j] - beats[i];
                    if (d < min - 1e-6) continue;
                    if (d > max + 1e-6) break;
                    var deviation = (d - target) / Math.Max(target, 1e-6);
                    var c = cost[k, i] + deviation * deviation + (hasDownbeats && !isDownbeat[j] ? OffDownbeatPenalty : 0);
                    if (c < cost[k + 1, j]) { cost[k + 1, j] = c; from[k + 1, j] = i; any = true; }
                }
            }
            if (!any) break;
            placed = k + 1;
        }

        var cuts = new List<PlannedCut>();
        if (placed > 0)
        {
            var end = 0;
            for (var j = 1; j < n; j++) if (cost[placed, j] < cost[placed, end]) end = j;
            for (var k = placed; k > 0; k--)
            {
                var begin = from[k, end];
                cuts.Add(new PlannedCut(clips[k - 1].Name, beats[begin], beats[end], isDownbeat[end]));
                end = begin;
            }
            cuts.Reverse();
        }
        return new CutPlan(cuts, clips.Skip(placed).Select(c => c.Name).ToList());
    }
}
