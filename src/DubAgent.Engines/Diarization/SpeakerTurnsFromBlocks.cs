using System.Globalization;
using DubAgent.Abstractions.Domain;

namespace DubAgent.Engines.Diarization;

/// <summary>Block labels to speaker turns, named in order of first appearance, touching blocks of one speaker joined.</summary>
public static class SpeakerTurnsFromBlocks
{
    public static IReadOnlyList<SpeakerTurn> Turns(IReadOnlyList<SpeechBlock> blocks, IReadOnlyList<int> labels) =>
        SpeakerNames.Normalise(blocks.Select((b, i) => new SpeakerTurn(b.Start, b.End, labels[i].ToString(CultureInfo.InvariantCulture))));
}
