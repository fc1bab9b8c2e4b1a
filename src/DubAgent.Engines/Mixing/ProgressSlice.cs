using DubAgent.Abstractions;

namespace DubAgent.Engines.Mixing;

/// <summary>Maps a sub-task's 0..1 progress onto its share [from, to] of the whole call.</summary>
internal sealed class ProgressSlice(IProgress<ProgressUpdate>? outer, double from, double to, string message) : IProgress<ProgressUpdate>
{
    public void Report(ProgressUpdate value) =>
        outer?.Report(new ProgressUpdate(value.Fraction is { } f ? from + (to - from) * f : null, message));
}
