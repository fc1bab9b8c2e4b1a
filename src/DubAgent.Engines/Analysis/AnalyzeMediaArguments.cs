using System.ComponentModel;

namespace DubAgent.Engines.Analysis;

public sealed class AnalyzeMediaArguments
{
    [Description("Path of the video or audio file to analyze.")]
    public required string Input { get; init; }

    [Description("Also measure EBU R128 loudness and true peak (one extra decoding pass). Default true.")]
    public bool Loudness { get; init; } = true;
}
