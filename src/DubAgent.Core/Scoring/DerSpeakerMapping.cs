using DubAgent.Abstractions.Domain;

namespace DubAgent.Core.Scoring;

/// <summary>The one-to-one hypothesis-to-reference speaker mapping with the most overlapping time (Hungarian method).</summary>
public static class DerSpeakerMapping
{
    /// <returns>Hypothesis speaker name to reference speaker name; unmapped hypothesis speakers are absent.</returns>
    public static IReadOnlyDictionary<string, string> Best(IReadOnlyList<SpeakerTurn> reference, IReadOnlyList<SpeakerTurn> hypothesis)
    {
        var refs = reference.Select(t => t.Speaker).Distinct().ToArray();
        var hyps = hypothesis.Select(t => t.Speaker).Distinct().ToArray();
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        if (refs.Length == 0 || hyps.Length == 0) return mapping;

        var n = Math.Max(refs.Length, hyps.Length);
        var cost = new double[n, n];
        for (var h = 0; h < hyps.Length; h++)
            for (var r = 0; r < refs.Length; r++)
                cost[h, r] = -Overlap(hypothesis.Where(t => t.Speaker == hyps[h]), reference.Where(t => t.Speaker == refs[r]));
        var assignment = Hungarian(cost);
        for (var h = 0; h < hyps.Length; h++)
        {
            var r = assignment[h];
            if (r < refs.Length && cost[h, r] < 0) mapping[hyps[h]] = refs[r];
        }
        return mapping;
    }

    private static double Overlap(IEnumerable<SpeakerTurn> a, IEnumerable<SpeakerTurn> b)
    {
        var bs = b.ToList();
        double sum = 0;
        foreach (var x in a)
            foreach (var y in bs)
                sum += Math.Max(0, Math.Min(x.End, y.End) - Math.Max(x.Start, y.Start));
        return sum;
    }

    /// <summary>Minimum-cost assignment of rows to columns of a square matrix (O(n^3) potentials form).</summary>
    internal static int[] Hungarian(double[,] cost)
    {
        var n = cost.GetLength(0);
        var u = new double[n + 1];
        var v = new double[n + 1];
        var p = new int[n + 1];
        var way = new int[n + 1];
        for (var i = 1; i <= n; i++)
        {
            p[0] = i;
            var j0 = 0;
            var minv = Enumerable.Repeat(double.PositiveInfinity, n + 1).ToArray();
            var used = new bool[n + 1];
            do
            {
                used[j0] = true;
                int i0 = p[j0], j1 = 0;
                var delta = double.PositiveInfinity;
                for (var j = 1; j <= n; j++)
                {
                    if (used[j]) continue;
                    var cur = cost[i0 - 1, j - 1] - u[i0] - v[j];
                    if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
                    if (minv[j] < delta) { delta = minv[j]; j1 = j; }
                }
                for (var j = 0; j <= n; j++)
                {
                    if (used[j]) { u[p[j]] += delta; v[j] -= delta; }
                    else minv[j] -= delta;
                }
                j0 = j1;
            } while (p[j0] != 0);
            do
            {
                var j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        var rowToColumn = new int[n];
        for (var j = 1; j <= n; j++) rowToColumn[p[j] - 1] = j - 1;
        return rowToColumn;
    }
}
