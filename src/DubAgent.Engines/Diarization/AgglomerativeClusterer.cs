namespace DubAgent.Engines.Diarization;

/// <summary>
/// Average-linkage agglomerative clustering on cosine distance. Merges the closest pair until the requested number
/// of clusters is reached or, when the number is free, until the closest pair is farther apart than
/// <see cref="StopDistance"/>. Row minima are cached, so a merge costs O(n) rather than O(n^2).
/// </summary>
public sealed class AgglomerativeClusterer
{
    /// <summary>Average cosine distance above which two clusters are taken for different speakers.</summary>
    public double StopDistance { get; init; } = 1.1;

    /// <returns>A cluster index (0..k-1) per vector.</returns>
    public int[] Cluster(IReadOnlyList<float[]> vectors, int? clusters = null, int minClusters = 1, int maxClusters = int.MaxValue)
    {
        var n = vectors.Count;
        if (n == 0) return [];
        var distance = new double[n][];
        var unit = vectors.Select(Normalise).ToArray();
        for (var i = 0; i < n; i++)
        {
            distance[i] = new double[n];
            for (var j = 0; j < i; j++)
            {
                var d = 1 - Dot(unit[i], unit[j]);
                distance[i][j] = d;
                distance[j][i] = d;
            }
        }
        var size = Enumerable.Repeat(1, n).ToArray();
        var alive = Enumerable.Repeat(true, n).ToArray();
        var members = Enumerable.Range(0, n).Select(i => new List<int> { i }).ToArray();
        var nearest = new int[n];
        for (var i = 0; i < n; i++) nearest[i] = Nearest(i);
        var count = n;
        var target = clusters is { } k ? Math.Clamp(k, 1, n) : Math.Min(n, maxClusters);
        var floor = clusters is null ? Math.Clamp(minClusters, 1, n) : target;

        while (count > 1)
        {
            var a = -1;
            for (var i = 0; i < n; i++)
                if (alive[i] && nearest[i] >= 0 && (a < 0 || distance[i][nearest[i]] < distance[a][nearest[a]])) a = i;
            if (a < 0) break;
            var b = nearest[a];
            var closest = distance[a][b];
            if (count <= target && (clusters is not null || closest > StopDistance || count <= floor)) break;

            // Lance-Williams update for average linkage: a absorbs b.
            for (var i = 0; i < n; i++)
            {
                if (!alive[i] || i == a || i == b) continue;
                var d = (size[a] * distance[a][i] + size[b] * distance[b][i]) / (size[a] + size[b]);
                distance[a][i] = d;
                distance[i][a] = d;
            }
            size[a] += size[b];
            members[a].AddRange(members[b]);
            alive[b] = false;
            count--;
            for (var i = 0; i < n; i++)
                if (alive[i] && (i == a || nearest[i] == a || nearest[i] == b || (nearest[i] >= 0 && distance[i][a] < distance[i][nearest[i]])))
                    nearest[i] = Nearest(i);
        }

        var labels = new int[n];
        var next = 0;
        for (var i = 0; i < n; i++)
        {
            if (!alive[i]) continue;
            foreach (var m in members[i]) labels[m] = next;
            next++;
        }
        return labels;

        int Nearest(int i)
        {
            var best = -1;
            for (var j = 0; j < n; j++)
                if (j != i && alive[j] && (best < 0 || distance[i][j] < distance[i][best])) best = j;
            return best;
        }
    }

    private static float[] Normalise(float[] v)
    {
        var norm = MathF.Sqrt(Dot(v, v));
        return norm > 0 ? v.Select(x => x / norm).ToArray() : v;
    }

    private static float Dot(float[] a, float[] b)
    {
        float sum = 0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
