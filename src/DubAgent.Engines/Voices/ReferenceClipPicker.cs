namespace DubAgent.Engines.Voices;

/// <summary>One line considered for a speaker's reference clip.</summary>
/// <param name="SpeechToResidualDb">The line's loud frames over its quietest frames (10th percentile), in dB: what the
/// separated vocals leave between words (music bleed, reverb, noise) is the residual.</param>
public sealed record ReferenceLine(string Id, string Speaker, double Start, double End, string Text, double SpeechToResidualDb)
{
    public double Seconds => End - Start;
}

/// <summary>
/// Chooses each speaker's cleanest 10-30 s of the separated vocals: only lines 1-12 s long that no other speaker
/// overlaps, best speech-to-residual ratio first, each text once (several different lines, not one repeated), up to
/// 20 s and never past 30 s. A speaker with less clean speech keeps what there is (flagged short below 10 s).
/// </summary>
public static class ReferenceClipPicker
{
    public const double MinLineSeconds = 1;
    public const double MaxLineSeconds = 12;
    public const double TargetSeconds = 20;
    public const double MinSeconds = 10;
    public const double MaxSeconds = 30;
    private const int FrameSamples = 320; // 20 ms at 16 kHz

    /// <param name="lines">Every line with its speaker and times (seconds in <paramref name="samples"/>, 16 kHz mono).</param>
    public static IReadOnlyDictionary<string, IReadOnlyList<ReferenceLine>> Pick(float[] samples, int sampleRate,
        IReadOnlyList<(string Id, string Speaker, double Start, double End, string Text)> lines)
    {
        var candidates = new List<ReferenceLine>();
        foreach (var line in lines)
        {
            var seconds = line.End - line.Start;
            if (seconds is < MinLineSeconds or > MaxLineSeconds) continue;
            if (lines.Any(o => o.Speaker != line.Speaker && o.Start < line.End && o.End > line.Start)) continue;
            var first = (int)Math.Clamp(line.Start * sampleRate, 0, samples.Length);
            var last = (int)Math.Clamp(line.End * sampleRate, 0, samples.Length);
            if (last - first < MinLineSeconds * sampleRate) continue;
            candidates.Add(new ReferenceLine(line.Id, line.Speaker, line.Start, line.End, line.Text, Math.Round(SpeechToResidualDb(samples.AsSpan(first, last - first)), 2)));
        }

        var picked = new Dictionary<string, IReadOnlyList<ReferenceLine>>(StringComparer.Ordinal);
        foreach (var speaker in candidates.GroupBy(c => c.Speaker))
        {
            var chosen = new List<ReferenceLine>();
            var texts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var total = 0.0;
            foreach (var line in speaker.OrderByDescending(l => l.SpeechToResidualDb).ThenBy(l => l.Start))
            {
                if (total >= TargetSeconds) break;
                if (total + line.Seconds > MaxSeconds) continue;
                var text = new string(line.Text.Where(char.IsLetterOrDigit).ToArray());
                if (text.Length > 0 && !texts.Add(text)) continue;
                chosen.Add(line);
                total += line.Seconds;
            }
            if (chosen.Count > 0) picked[speaker.Key] = chosen.OrderBy(l => l.Start).ToList();
        }
        return picked;
    }

    /// <summary>10·log10 of the mean energy of the loudest half of 20 ms frames over that of the quietest tenth (capped at 60 dB).</summary>
    public static double SpeechToResidualDb(ReadOnlySpan<float> samples)
    {
        var energies = new List<double>();
        for (var start = 0; start + FrameSamples <= samples.Length; start += FrameSamples)
        {
            double sum = 0;
            foreach (var x in samples.Slice(start, FrameSamples)) sum += x * x;
            energies.Add(sum / FrameSamples);
        }
        if (energies.Count < 10) return 0;
        energies.Sort();
        var quiet = energies.Take(Math.Max(1, energies.Count / 10)).Average();
        var loud = energies.Skip(energies.Count / 2).Average();
        if (loud <= 0) return 0;
        return Math.Min(60, 10 * Math.Log10(loud / Math.Max(quiet, loud * 1e-6)));
    }
}
