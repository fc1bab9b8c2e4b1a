using DubAgent.Abstractions.Domain;

namespace DubAgent.Engines.Diarization;

/// <summary>Gives each transcript segment the speaker who talks over most of it (the nearest turn when none overlaps).</summary>
public static class SpeakerAssigner
{
    public static Transcript Assign(Transcript transcript, IReadOnlyList<SpeakerTurn> turns)
    {
        var segments = transcript.Segments.Select(s => s with { Speaker = SpeakerFor(s.Start, s.End, turns) ?? s.Speaker }).ToList();
        return transcript with
        {
            Segments = segments,
            NumSpeakers = segments.Select(s => s.Speaker).Where(s => s is not null).Distinct().Count(),
        };
    }

    public static string? SpeakerFor(double start, double end, IReadOnlyList<SpeakerTurn> turns)
    {
        if (turns.Count == 0) return null;
        var overlap = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var t in turns)
        {
            var o = Math.Min(end, t.End) - Math.Max(start, t.Start);
            if (o > 0) overlap[t.Speaker] = overlap.GetValueOrDefault(t.Speaker) + o;
        }
        if (overlap.Count > 0) return overlap.MaxBy(p => p.Value).Key;
        return turns.MinBy(t => Math.Max(t.Start - end, start - t.End))!.Speaker;
    }
}
