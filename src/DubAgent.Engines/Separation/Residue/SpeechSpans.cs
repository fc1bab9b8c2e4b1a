namespace DubAgent.Engines.Separation.Residue;

/// <summary>
/// Where the original speaker talks (the transcript's lines, widened by <see cref="PadSeconds"/> either side because
/// recognisers place line edges a little late or early). Outside these spans a separated vocals stem holds only what
/// the separation let through of the music, so <see cref="VoiceResidueRemover"/> leaves the background alone there.
/// </summary>
public sealed class SpeechSpans
{
    public const double PadSeconds = 0.1;

    private readonly (double Start, double End)[] _spans;

    public SpeechSpans(IEnumerable<(double Start, double End)> lines)
    {
        var merged = new List<(double Start, double End)>();
        foreach (var (start, end) in lines.Where(l => l.End >= l.Start).OrderBy(l => l.Start))
        {
            var span = (Start: start - PadSeconds, End: end + PadSeconds);
            if (merged.Count > 0 && span.Start <= merged[^1].End)
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End));
            else
                merged.Add(span);
        }
        _spans = [.. merged];
    }

    public int Count => _spans.Length;

    public bool Covers(double seconds)
    {
        int lo = 0, hi = _spans.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (seconds < _spans[mid].Start) hi = mid - 1;
            else if (seconds > _spans[mid].End) lo = mid + 1;
            else return true;
        }
        return false;
    }
}
