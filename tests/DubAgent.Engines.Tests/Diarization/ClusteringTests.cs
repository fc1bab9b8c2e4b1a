using DubAgent.Abstractions.Domain;
using DubAgent.Engines.Diarization;

namespace DubAgent.Engines.Tests.Diarization;

public class ClusteringTests
{
    private static float[] Around(float x, float y, int seed) =>
        [x + 0.01f * (seed % 3), y + 0.01f * (seed % 5), 0.02f * (seed % 2)];

    [Fact]
    public void Two_separated_groups_make_two_clusters()
    {
        var vectors = Enumerable.Range(0, 10).Select(i => i < 5 ? Around(1, 0, i) : Around(0, 1, i)).ToList();
        var labels = new AgglomerativeClusterer { StopDistance = 0.5 }.Cluster(vectors);
        Assert.Equal(2, labels.Distinct().Count());
        Assert.All(labels.Take(5), l => Assert.Equal(labels[0], l));
        Assert.All(labels.Skip(5), l => Assert.Equal(labels[5], l));
    }

    [Fact]
    public void A_requested_count_overrides_the_threshold()
    {
        var vectors = Enumerable.Range(0, 9).Select(i => i < 3 ? Around(1, 0, i) : i < 6 ? Around(0, 1, i) : Around(-1, 0, i)).ToList();
        Assert.Equal(3, new AgglomerativeClusterer { StopDistance = 0.5 }.Cluster(vectors).Distinct().Count());
        Assert.Single(new AgglomerativeClusterer { StopDistance = 0.5 }.Cluster(vectors, clusters: 1).Distinct());
        Assert.Equal(2, new AgglomerativeClusterer { StopDistance = 0.5 }.Cluster(vectors, maxClusters: 2).Distinct().Count());
    }

    [Fact]
    public void Viterbi_ignores_a_short_flip_inside_speech_but_follows_a_change_across_a_pause()
    {
        // Block 4 leans to speaker 1 by less than a switch costs; blocks 8-9 lean to speaker 1 after a pause.
        double[][] scores = [[0, -5], [0, -5], [0, -5], [0, -5], [-3, 0], [0, -5], [0, -5], [0, -5], [-5, 0], [-5, 0]];
        int[] spans = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1];
        var labels = new ViterbiResegmenter { SwitchPenalty = 10, PauseSwitchPenalty = 1 }.Decode(scores, spans);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 1, 1], labels);
        // A sustained change inside one span is followed once it outweighs the switch.
        double[][] sustained = [[0, -5], [0, -5], [0, -5], [-5, 0], [-5, 0], [-5, 0]];
        Assert.Equal([0, 0, 0, 1, 1, 1], new ViterbiResegmenter { SwitchPenalty = 10 }.Decode(sustained, [0, 0, 0, 0, 0, 0]));
    }

    [Fact]
    public void Speakers_are_named_by_first_appearance_and_touching_turns_join()
    {
        var turns = SpeakerNames.Normalise([new(5, 6, "7"), new(0, 1, "3"), new(1, 2, "3"), new(3, 4, "7")]);
        Assert.Equal([new SpeakerTurn(0, 2, "SPEAKER_00"), new SpeakerTurn(3, 4, "SPEAKER_01"), new SpeakerTurn(5, 6, "SPEAKER_01")], turns);
    }

    [Fact]
    public void Rttm_round_trips_and_names_bad_lines()
    {
        var turns = new SpeakerTurn[] { new(6.69, 7.12, "speaker90"), new(7.55, 8.35, "speaker91") };
        var parsed = Rttm.Parse(Rttm.Format(turns, "sample"));
        Assert.Equal(turns.Length, parsed.Count);
        Assert.Equal(7.12, parsed[0].End, 3);
        var error = Assert.Throws<DubAgent.Abstractions.Errors.InputException>(() => Rttm.Parse(["SPEAKER x 1 abc 1.0 <NA> <NA> s <NA> <NA>"], "ref.rttm"));
        Assert.Contains("ref.rttm:1", error.Message);
    }
}
