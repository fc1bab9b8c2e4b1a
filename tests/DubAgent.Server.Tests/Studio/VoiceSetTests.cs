using DubAgent.Server.Studio;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace DubAgent.Server.Tests.Studio;

/// <summary>How the new-dub form's voice-set tables become batch casts.</summary>
public sealed class VoiceSetTests
{
    private static IReadOnlyList<VoiceSet> Read(List<string> problems, params (string Key, string Value)[] fields) =>
        VoiceSet.Read(new FormCollection(fields.ToDictionary(f => f.Key, f => new StringValues(f.Value))), problems);

    [Fact]
    public void A_speaker_named_in_a_set_wins_over_its_default_and_others_take_the_default()
    {
        var problems = new List<string>();
        var sets = Read(problems, ("batch_set_2_default", "female-mid"), ("batch_set_2_SPEAKER_00", "male-deep"), ("batch_set_1_default", "male-low"),
            ("batch_set_1_SPEAKER_01", " "), ("target_language", "es"));
        Assert.Empty(problems);
        Assert.Equal(2, sets.Count);
        Assert.Equal("male-low", sets[0].VoiceFor("SPEAKER_01"));
        Assert.Equal("male-low", sets[0].Label);
        Assert.Equal("male-deep", sets[1].VoiceFor("SPEAKER_00"));
        Assert.Equal("female-mid", sets[1].VoiceFor("SPEAKER_03"));
        Assert.Equal("female-mid+male-deep", sets[1].Label);
    }

    [Fact]
    public void A_set_without_a_default_leaves_unnamed_speakers_to_their_first_voice()
    {
        var sets = Read([], ("batch_set_1_SPEAKER_01", "female-mid"));
        Assert.Null(sets[0].VoiceFor("SPEAKER_00"));
        Assert.Equal("female-mid", sets[0].VoiceFor("SPEAKER_01"));
    }

    [Fact]
    public void A_voice_name_that_is_not_one_is_named_in_the_refusal()
    {
        var problems = new List<string>();
        var sets = Read(problems, ("batch_set_1_default", "../../etc"), ("batch_set_1_SPEAKER_00", "female mid"));
        Assert.Empty(sets);
        Assert.Equal(2, problems.Count);
        Assert.Contains("batch_set_1_default: '../../etc' is not a voice name", problems[0]);
    }

    [Fact]
    public void More_than_eight_sets_are_refused()
    {
        var problems = new List<string>();
        Read(problems, Enumerable.Range(1, 9).Select(i => ($"batch_set_{i}_default", "female-mid")).ToArray());
        Assert.Contains(problems, p => p.Contains("at most 8 voice sets", StringComparison.Ordinal));
    }
}
