using System.Globalization;
using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Errors;

namespace DubAgent.Engines.Diarization;

/// <summary>
/// NIST RTTM speaker lines: <c>SPEAKER uri channel onset duration &lt;NA&gt; &lt;NA&gt; speaker &lt;NA&gt; &lt;NA&gt;</c>
/// (what pyannote writes and what diarization references come in).
/// </summary>
public static class Rttm
{
    public static IReadOnlyList<SpeakerTurn> Parse(IEnumerable<string> lines, string source = "rttm")
    {
        var turns = new List<SpeakerTurn>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || parts[0].StartsWith(';') || parts[0] != "SPEAKER") continue;
            if (parts.Length < 8
                || !double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var onset)
                || !double.TryParse(parts[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var duration)
                || onset < 0 || duration < 0)
                throw new InputException($"{source}:{number}: not an RTTM SPEAKER line: '{line.Trim()}'.",
                    "Expected: SPEAKER <uri> <channel> <onset> <duration> <NA> <NA> <speaker> <NA> <NA>.");
            turns.Add(new SpeakerTurn(onset, onset + duration, parts[7]));
        }
        return turns.OrderBy(t => t.Start).ToList();
    }

    public static IReadOnlyList<SpeakerTurn> Read(string path) => Parse(File.ReadLines(path), path);

    public static IEnumerable<string> Format(IEnumerable<SpeakerTurn> turns, string uri) =>
        turns.Select(t => string.Create(CultureInfo.InvariantCulture,
            $"SPEAKER {uri} 1 {t.Start:0.000} {t.End - t.Start:0.000} <NA> <NA> {t.Speaker} <NA> <NA>"));
}
