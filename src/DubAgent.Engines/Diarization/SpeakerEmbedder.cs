namespace DubAgent.Engines.Diarization;

/// <summary>
/// Turns each speech block into a speaker embedding: statistics of a sliding window centred on it (never crossing
/// its speech span), as mean and spread of the MFCCs, spread of their deltas and the mean and spread of the log
/// pitch; then each dimension is standardised over the file, so no single feature dominates the distances.
/// </summary>
public sealed class SpeakerEmbedder
{
    /// <summary>Blocks either side of the centre block in the window (2 x 0.25 s: a 1.25 s window; longer windows straddle quick turns).</summary>
    public int HalfWindowBlocks { get; init; } = 2;

    /// <summary>Speech frames a window needs for a trustworthy embedding.</summary>
    public int MinFrames { get; init; } = 25;

    /// <summary>Weight of the two pitch dimensions against the standardised cepstral ones (1 = equal; tuned on the demo and pyannote_sample).</summary>
    public double PitchWeight { get; init; } = 1;

    /// <returns>One vector per block, or null when its window holds too little speech.</returns>
    public float[]?[] Embed(IReadOnlyList<SpeechBlock> blocks)
    {
        var result = new float[]?[blocks.Count];
        if (blocks.Count == 0) return result;
        var dimensions = blocks[0].Statistics.Sum.Length;
        var half = dimensions / 2; // the first half are the MFCCs, the second their deltas
        for (var i = 0; i < blocks.Count; i++)
        {
            var window = new SpeechBlockStatistics(dimensions);
            for (var j = Math.Max(0, i - HalfWindowBlocks); j <= Math.Min(blocks.Count - 1, i + HalfWindowBlocks); j++)
                if (blocks[j].Span == blocks[i].Span) window.Add(blocks[j].Statistics);
            if (window.Frames < MinFrames) continue;

            var vector = new float[dimensions + half + 2];
            var n = (float)window.Frames;
            for (var d = 0; d < half; d++)
            {
                var mean = window.Sum[d] / n;
                vector[d] = mean;
                vector[half + d] = MathF.Sqrt(MathF.Max(0, window.SumSquares[d] / n - mean * mean));
            }
            for (var d = half; d < dimensions; d++)
                vector[half + d] = MathF.Sqrt(window.SumSquares[d] / n);
            if (window.VoicedFrames >= 5)
            {
                var mean = window.SumLogPitch / window.VoicedFrames;
                vector[^2] = (float)mean;
                vector[^1] = (float)Math.Sqrt(Math.Max(0, window.SumSquaresLogPitch / window.VoicedFrames - mean * mean));
            }
            else
            {
                vector[^2] = float.NaN; // filled with the file's mean below: no pitch says nothing either way
                vector[^1] = float.NaN;
            }
            result[i] = vector;
        }
        Standardise(result);
        return result;
    }

    private void Standardise(float[]?[] vectors)
    {
        var present = vectors.Where(v => v is not null).Cast<float[]>().ToList();
        if (present.Count == 0) return;
        var length = present[0].Length;
        for (var d = 0; d < length; d++)
        {
            double sum = 0, squares = 0;
            var count = 0;
            foreach (var v in present)
            {
                if (float.IsNaN(v[d])) continue;
                sum += v[d];
                squares += v[d] * v[d];
                count++;
            }
            var mean = count > 0 ? sum / count : 0;
            var std = count > 1 ? Math.Sqrt(Math.Max(1e-12, squares / count - mean * mean)) : 1;
            var weight = d >= length - 2 ? PitchWeight : 1;
            foreach (var v in present)
                v[d] = float.IsNaN(v[d]) ? 0 : (float)((v[d] - mean) / std * weight);
        }
    }
}
