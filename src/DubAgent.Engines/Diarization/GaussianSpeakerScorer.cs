namespace DubAgent.Engines.Diarization;

/// <summary>Scores blocks against speakers modelled as full-covariance Gaussians of their blocks' cepstra (the `mfcc` engine's model).</summary>
public sealed class GaussianSpeakerScorer(IReadOnlyList<SpeechBlock> blocks, double[] floor)
{
    public IReadOnlyList<double[]> Score(int[] labels, int speakers)
    {
        var statistics = Enumerable.Range(0, speakers).Select(_ => new GaussianStatistics(blocks[0].Cepstra.Dimensions)).ToArray();
        for (var i = 0; i < blocks.Count; i++)
            if (labels[i] >= 0) statistics[labels[i]].Add(blocks[i].Cepstra);
        var models = statistics.Select(s => GaussianModel.Fit(s, floor)).ToArray();
        return blocks.Select(b => models.Select(m => m.LogLikelihood(b.Cepstra)).ToArray()).ToList();
    }
}
