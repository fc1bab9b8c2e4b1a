namespace DubAgent.Engines.Diarization;

/// <summary>
/// Scores blocks against speakers modelled by embeddings (the `embeddings` engine's model): each block carries the
/// mean unit embedding of the windows over it, each speaker the mean of its blocks'; a block's score is the cosine
/// similarity times <see cref="Scale"/>, weighted by how much speech the block holds.
/// </summary>
public sealed class EmbeddingSpeakerScorer(IReadOnlyList<SpeechBlock> blocks, IReadOnlyList<float[]?> blockEmbeddings)
{
    /// <summary>Log-score per unit of cosine for a full block (0.25 s): a 0.5 cosine gap over 1 s outweighs the default switch penalty.</summary>
    public double Scale { get; init; } = 10;

    private const double FramesPerBlock = 25;

    public IReadOnlyList<double[]> Score(int[] labels, int speakers)
    {
        var dimensions = blockEmbeddings.FirstOrDefault(e => e is not null)?.Length ?? 0;
        var centres = Enumerable.Range(0, speakers).Select(_ => new float[dimensions]).ToArray();
        for (var i = 0; i < blocks.Count; i++)
            if (labels[i] >= 0 && blockEmbeddings[i] is { } e)
                for (var d = 0; d < dimensions; d++) centres[labels[i]][d] += e[d];
        var units = centres.Select(VectorMath.Unit).ToArray();
        return blocks.Select((b, i) => blockEmbeddings[i] is { } e
            ? units.Select(c => Scale * Math.Min(1, b.Cepstra.Count / FramesPerBlock) * VectorMath.Dot(e, c)).ToArray()
            : new double[speakers]).ToList();
    }

    /// <summary>Per block, the normalised mean of the unit embeddings of its segment's windows that cover its centre (else the nearest window's).</summary>
    public static float[]?[] BlockEmbeddings(SegmentedSpeech speech, IReadOnlyList<EmbeddedWindow> windows)
    {
        var result = new float[]?[speech.Blocks.Count];
        var bySegment = windows.GroupBy(w => w.Segment).ToDictionary(g => g.Key, g => g.ToList());
        for (var s = 0; s < speech.Segments.Count; s++)
        {
            if (!bySegment.TryGetValue(s, out var own)) continue;
            for (var b = speech.Segments[s].Start; b < speech.Segments[s].End; b++)
            {
                var centre = (speech.Blocks[b].Start + speech.Blocks[b].End) / 2;
                var covering = own.Where(w => w.Start <= centre && centre < w.End).ToList();
                if (covering.Count == 0) covering = [own.MinBy(w => Math.Abs(w.Centre - centre))!];
                var sum = new float[covering[0].Embedding.Length];
                foreach (var w in covering)
                {
                    var unit = VectorMath.Unit(w.Embedding);
                    for (var d = 0; d < sum.Length; d++) sum[d] += unit[d];
                }
                result[b] = VectorMath.Unit(sum);
            }
        }
        return result;
    }
}
