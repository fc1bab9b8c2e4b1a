using System.Globalization;
using DubAgent.Abstractions.Domain;

namespace DubAgent.Engines.Diarization;

/// <summary>
/// Block labels to speaker turns, named in order of first appearance, touching blocks of one speaker joined, after the
/// <see cref="TurnSmoother"/>'s clean-up (no sub-0.5 s flips inside continuous speech, short pauses bridged).
/// </summary>
public static class SpeakerTurnsFromBlocks
{
    public static IReadOnlyList<SpeakerTurn> Turns(IReadOnlyList<SpeechBlock> blocks, IReadOnlyList<int> labels, TurnSmoother? smoother = null)
    {
        smoother ??= new TurnSmoother();
        var smoothed = smoother.SmoothRuns(blocks, labels.ToArray());
        return smoother.Bridge(SpeakerNames.Normalise(blocks.Select((b, i) => new SpeakerTurn(b.Start, b.End, smoothed[i].ToString(CultureInfo.InvariantCulture)))));
    }
}
