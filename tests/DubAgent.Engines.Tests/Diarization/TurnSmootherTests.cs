using DubAgent.Abstractions.Domain;
using DubAgent.Engines.Diarization;

namespace DubAgent.Engines.Tests.Diarization;

/// <summary>The last clean-up of block labels and turns: no sub-0.5 s flips inside continuous speech, short pauses bridged.</summary>
public class TurnSmootherTests
{
    /// <summary>Blocks of 0.25 s; a span number per block (consecutive blocks of one span are continuous speech).</summary>
    private static SpeechBlock[] Blocks(params int[] spans) =>
        spans.Select((s, i) => new SpeechBlock(s, i * 0.25, (i + 1) * 0.25, new GaussianStatistics(2))).ToArray();

    [Fact]
    public void A_one_block_flip_at_the_end_of_continuous_speech_goes_to_the_speaker_it_touches()
    {
        var blocks = Blocks(0, 0, 0, 0, 0, 1, 1, 1);
        var labels = new TurnSmoother().SmoothRuns(blocks, [0, 0, 0, 0, 1, 1, 1, 1]);
        Assert.Equal([0, 0, 0, 0, 0, 1, 1, 1], labels);
    }

    [Fact]
    public void Runs_of_two_blocks_and_runs_alone_in_their_span_are_kept()
    {
        var blocks = Blocks(0, 0, 0, 0, 1, 2, 2);
        int[] labels = [0, 0, 1, 1, 0, 1, 1];
        Assert.Equal(labels, new TurnSmoother().SmoothRuns(blocks, labels));
    }

    [Fact]
    public void Pauses_under_the_bridge_join_one_speakers_turns_but_not_longer_ones_or_other_speakers()
    {
        SpeakerTurn[] turns = [new(0, 1, "A"), new(1.2, 2, "A"), new(2.6, 3, "A"), new(3.1, 4, "B")];
        var bridged = new TurnSmoother { BridgeSeconds = 0.3 }.Bridge(turns);
        Assert.Equal([new SpeakerTurn(0, 2, "A"), new SpeakerTurn(2.6, 3, "A"), new SpeakerTurn(3.1, 4, "B")], bridged);
    }
}
