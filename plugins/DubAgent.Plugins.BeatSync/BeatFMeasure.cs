namespace DubAgent.Plugins.BeatSync;

/// <summary>
/// Beat-tracking accuracy as in the MIREX evaluation (mir_eval.beat.f_measure): estimated and reference beats are
/// matched one to one within a tolerance window (70 ms); precision, recall and their harmonic mean.
/// </summary>
public static class BeatFMeasure
{
    public static (double F, double Precision, double Recall) Score(IReadOnlyList<double> reference, IReadOnlyList<double> estimated, double window = 0.07)
    {
        if (reference.Count == 0 || estimated.Count == 0) return (0, 0, 0);
        var used = new bool[estimated.Count];
        var matched = 0;
        foreach (var r in reference)
        {
            var bestIndex = -1;
            var bestDistance = double.MaxValue;
            for (var i = 0; i < estimated.Count; i++)
            {
                if (used[i]) continue;
                var distance = Math.Abs(estimated[i] - r);
                if (distance <= window && distance < bestDistance) { bestDistance = distance; bestIndex = i; }
            }
            if (bestIndex >= 0) { used[bestIndex] = true; matched++; }
        }
        var precision = (double)matched / estimated.Count;
        var recall = (double)matched / reference.Count;
        var f = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        return (f, precision, recall);
    }
}
