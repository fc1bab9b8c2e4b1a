using DubAgent.Abstractions.Domain;

namespace DubAgent.Engines.Diarization;

/// <summary>The share of speech time in which two or more speakers talk at once.</summary>
public static class OverlapShare
{
    public static double Of(IReadOnlyList<SpeakerTurn> turns)
    {
        var edges = turns.SelectMany(t => new[] { (Time: t.Start, Step: 1), (Time: t.End, Step: -1) })
            .OrderBy(e => e.Time).ThenBy(e => e.Step).ToList();
        double speech = 0, overlap = 0, last = 0;
        var active = 0;
        foreach (var (time, step) in edges)
        {
            if (active >= 1) speech += time - last;
            if (active >= 2) overlap += time - last;
            active += step;
            last = time;
        }
        return speech > 0 ? overlap / speech : 0;
    }
}
