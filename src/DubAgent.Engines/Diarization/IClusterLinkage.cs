namespace DubAgent.Engines.Diarization;

/// <summary>
/// What agglomerative clustering needs to know about its items: how far apart two current clusters are, and how to
/// merge one into another. Clusters are named by the index of an item they started from.
/// </summary>
public interface IClusterLinkage
{
    /// <summary>Items at the start, each its own cluster.</summary>
    int Count { get; }

    /// <summary>Distance between the live clusters <paramref name="a"/> and <paramref name="b"/>.</summary>
    double Distance(int a, int b);

    /// <summary>Cluster <paramref name="from"/> joins <paramref name="into"/>; later distances to <paramref name="into"/> are the merged cluster's.</summary>
    void Merge(int into, int from);
}
