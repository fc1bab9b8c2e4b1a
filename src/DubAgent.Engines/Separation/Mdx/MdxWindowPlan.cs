namespace DubAgent.Engines.Separation.Mdx;

/// <summary>
/// Where the network windows fall on a file. Window k reads the file from k·Step - Edge for WindowSamples samples
/// (zeros past either end); it keeps [k·Step, k·Step + Step + Crossfade), never the Edge samples at its borders that
/// the STFT padding spoils; over the first Crossfade samples it fades in while window k-1 fades out (raised cosine,
/// weights summing to one), so windows join without a seam. The first window keeps its start and the last its end
/// at full weight: the file's first sample lies in the kept part of window 0 because window 0 starts Edge before it.
/// </summary>
public sealed record MdxWindowPlan(int WindowSamples, int Edge, int Crossfade, long FileFrames)
{
    public static MdxWindowPlan For(MdxLayout layout, double overlap, long fileFrames)
    {
        var usable = layout.WindowSamples - 2 * layout.EdgeSamples;
        var crossfade = (int)Math.Round(Math.Clamp(overlap, 0, 0.75) * layout.WindowSamples);
        crossfade = Math.Min(crossfade, usable / 2);
        return new MdxWindowPlan(layout.WindowSamples, layout.EdgeSamples, crossfade, fileFrames);
    }

    /// <summary>New samples each window adds.</summary>
    public int Step => WindowSamples - 2 * Edge - Crossfade;

    public int WindowCount => FileFrames == 0 ? 0 : (int)((FileFrames + Step - 1) / Step);

    /// <summary>The file frame at which window k starts reading.</summary>
    public long ReadStart(int window) => (long)window * Step - Edge;

    /// <summary>Window k's weight at offset i of its kept part (i from 0 to Step + Crossfade).</summary>
    public float Weight(int window, int i)
    {
        if (i < Crossfade && window > 0) return FadeIn(i);
        if (i >= Step && window < WindowCount - 1) return 1 - FadeIn(i - Step);
        return 1;
    }

    private float FadeIn(int i) => (float)(0.5 - 0.5 * Math.Cos(Math.PI * (i + 0.5) / Crossfade));
}
