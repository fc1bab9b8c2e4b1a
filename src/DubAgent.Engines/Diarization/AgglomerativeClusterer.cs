namespace DubAgent.Engines.Diarization;

/// <summary>
/// Agglomerative clustering: merges the closest pair of clusters until the requested number is reached or, when the
/// number is free, until the closest pair is farther apart than <see cref="StopDistance"/> (within the min and max
/// bounds). What "closest" means is the linkage's: cosine average linkage for vectors, <see cref="BicLinkage"/> for
/// Gaussian statistics. Each cluster's nearest neighbour is cached, so a merge costs O(n) distance look-ups.
/// </summary>
public sealed class AgglomerativeClusterer
{
    /// <summary>Distance above which two clusters are taken for different speakers.</summary>
    public double StopDistance { get; init; } = 1.1;

    /// <summary>Cosine average linkage over <paramref name="vectors"/>.</summary>
    /// <returns>A cluster index (0..k-1) per vector.</returns>
    public int[] Cluster(IReadOnlyList<float[]> vectors, int? clusters = null, int minClusters = 1, int maxClusters = int.MaxValue) =>
        vectors.Count == 0 ? [] : Cluster(new CosineAverageLinkage(vectors), clusters, minClusters, maxClusters);

    /// <returns>A cluster index (0..k-1) per item, numbered by first item.</returns>
    public int[] Cluster(IClusterLinkage linkage, int? clusters = null, int minClusters = 1, int maxClusters = int.MaxValue)
    {
        var n = linkage.Count;
        if (n == 0) return [];
        var distance = new double[n][];
        for (var i = 0; i < n; i++)
        {
            distance[i] = new double[n];
            for (var j = 0; j < i; j++)
            {
                var d = linkage.Distance(i, j);
                distance[i][j] = d;
                distance[j][i] = d;
            }
        }
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

            linkage.Merge(a, b);
            members[a].AddRange(members[b]);
            alive[b] = false;
            count--;
            for (var i = 0; i < n; i++)
            {
                if (!alive[i] || i == a) continue;
                var d = linkage.Distance(a, i);
                distance[a][i] = d;
                distance[i][a] = d;
            }
            for (var i = 0; i < n; i++)
                if (alive[i] && (i == a || nearest[i] == a || nearest[i] == b || (nearest[i] >= 0 && distance[i][a] < distance[i][nearest[i]])))
                    nearest[i] = Nearest(i);
        }

        var labels = new int[n];
        var next = 0;
        foreach (var cluster in Enumerable.Range(0, n).Where(i => alive[i]).OrderBy(i => members[i].Min()))
        {
            foreach (var m in members[cluster]) labels[m] = next;
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
}
