using DubAgent.Abstractions;

namespace DubAgent.Cli.Demo;

/// <summary>Maps a step's own 0..1 progress onto its slice of the whole job.</summary>
public sealed class ProgressSlice(IProgress<ProgressUpdate>? whole, double from, double to, string message) : IProgress<ProgressUpdate>
{
    public void Report(ProgressUpdate value) =>
        whole?.Report(new ProgressUpdate(from + (to - from) * (value.Fraction ?? 0), message));
}
