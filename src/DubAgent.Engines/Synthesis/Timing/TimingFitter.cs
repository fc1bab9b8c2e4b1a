namespace DubAgent.Engines.Synthesis;

/// <summary>
/// Decides where each clip starts and how much it is compressed. A clip that fits keeps its natural speed and starts
/// where the original line started. A longer clip first takes the silence after its slot (up to the next line), then
/// is time-compressed up to <see cref="MaxStretch"/>; the rest is kept and reported as overflow. A clip never starts
/// over an earlier clip unless the two original lines overlapped: an overflowing clip delays the next one instead.
/// </summary>
public sealed class TimingFitter
{
    /// <summary>Below this (seconds) a difference is rounding, not overflow.</summary>
    private const double Epsilon = 1e-4;

    public TimingFitter(double maxStretch = 1.25)
    {
        if (double.IsNaN(maxStretch) || maxStretch < 1.0 || maxStretch > 4.0)
            throw new ArgumentOutOfRangeException(nameof(maxStretch), maxStretch, "max_stretch must be between 1.0 and 4.0");
        MaxStretch = maxStretch;
    }

    public double MaxStretch { get; }

    /// <summary>Decisions in time order (by start, then end, then input order).</summary>
    public IReadOnlyList<FitDecision> Fit(IReadOnlyList<FitSlot> slots, double totalDuration)
    {
        var order = Enumerable.Range(0, slots.Count)
            .OrderBy(i => slots[i].Start).ThenBy(i => slots[i].End).ThenBy(i => i)
            .ToList();
        var placed = new List<(double OriginalEnd, double End)>(slots.Count);
        var decisions = new List<FitDecision>(slots.Count);

        for (var k = 0; k < order.Count; k++)
        {
            var slot = slots[order[k]];
            var flags = new List<string>();
            var slotStart = Math.Clamp(slot.Start, 0, totalDuration);
            var slotEnd = Math.Clamp(Math.Max(slot.End, slot.Start), slotStart, totalDuration);
            if (slotEnd - slotStart < Epsilon) flags.Add(FitFlags.ZeroLengthSlot);

            // Clips of lines that overlapped this one in the original may overlap it; any other clip pushes it later.
            var start = slotStart;
            var overlapsOriginal = false;
            foreach (var (originalEnd, end) in placed)
            {
                if (originalEnd > slotStart + Epsilon) overlapsOriginal = true;
                else if (end > start) start = end;
            }
            if (overlapsOriginal) flags.Add(FitFlags.OverlapsPrevious);
            var delay = start - slotStart;
            if (delay > Epsilon) flags.Add(FitFlags.Delayed);
            else delay = 0;

            var nextStart = k + 1 < order.Count ? slots[order[k + 1]].Start : totalDuration;
            var windowEnd = Math.Min(Math.Max(slotEnd, nextStart), totalDuration);

            var clip = Math.Max(0, slot.ClipSeconds);
            var ratio = 1.0;
            if (clip > 0)
            {
                var available = windowEnd - start;
                if (clip > available + Epsilon)
                    ratio = available > Epsilon ? Math.Min(clip / available, MaxStretch) : MaxStretch;
            }
            var fitted = clip / ratio;
            var finish = start + fitted;
            var overflow = Math.Max(0, finish - windowEnd);
            if (overflow < Epsilon) overflow = 0;

            if (clip > 0 && finish > slotEnd + Epsilon && finish <= windowEnd + Epsilon) flags.Add(FitFlags.UsedGap);
            else if (clip > 0 && overflow > 0 && windowEnd > slotEnd + Epsilon) flags.Add(FitFlags.UsedGap);
            if (ratio > 1 + 1e-6) flags.Add(FitFlags.Stretched);
            if (overflow > 0) flags.Add(FitFlags.Overflow);
            if (finish > totalDuration + Epsilon) flags.Add(FitFlags.TruncatedAtEnd);

            placed.Add((slotEnd, finish));
            decisions.Add(new FitDecision(slot.Id, start, finish, windowEnd, ratio, fitted, overflow, delay, flags));
        }
        return decisions;
    }
}
