using DubAgent.Abstractions.Domain;

namespace DubAgent.Engines.Diarization;

/// <summary>SPEAKER_00, SPEAKER_01, ... in order of first appearance.</summary>
public static class SpeakerNames
{
    public static string For(int index) => $"SPEAKER_{index:D2}";

    /// <summary>Renames the speakers of time-ordered turns by first appearance and joins touching turns of one speaker.</summary>
    public static IReadOnlyList<SpeakerTurn> Normalise(IEnumerable<SpeakerTurn> turns)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new List<SpeakerTurn>();
        foreach (var turn in turns.OrderBy(t => t.Start).ThenBy(t => t.End))
        {
            if (!names.TryGetValue(turn.Speaker, out var name)) names[turn.Speaker] = name = For(names.Count);
            if (result.Count > 0 && result[^1].Speaker == name && turn.Start - result[^1].End < 1e-6)
                result[^1] = result[^1] with { End = Math.Max(result[^1].End, turn.End) };
            else
                result.Add(turn with { Speaker = name });
        }
        return result;
    }
}
