namespace DubAgent.Abstractions;

/// <summary>
/// Maps a part's own 0..1 progress onto its share [from, to] of the whole (an unknown fraction stays unknown), with the
/// part's message. The one slice the engines, the demo and the bench share.
/// </summary>
public sealed class ProgressSlice(IProgress<ProgressUpdate>? whole, double from, double to, string message) : IProgress<ProgressUpdate>
{
    public void Report(ProgressUpdate value) =>
        whole?.Report(new ProgressUpdate(value.Fraction is { } f ? from + (to - from) * f : null, message));
}
