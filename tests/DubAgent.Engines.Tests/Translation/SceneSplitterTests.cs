using DubAgent.Engines.Translation.Llm;

// Not "...Tests.Translation": that namespace would shadow the Translation record in sibling test folders.
namespace DubAgent.Engines.Tests.Translating;

public sealed class SceneSplitterTests
{
    [Fact]
    public void A_long_pause_starts_a_scene_and_windows_are_cut_at_speaker_turns()
    {
        var windows = SceneSplitter.Split(DialogueFixture.Transcript().Segments, sceneGapSeconds: 2.0, maxWindowSegments: 4);
        Assert.Equal([[1, 2, 3, 4], [5, 6, 7], [8, 9, 10, 11], [12]],
            windows.Select(w => w.Segments.Select(s => int.Parse(s.Id[4..])).ToArray()).ToArray());
        Assert.Equal([0, 0, 1, 1], windows.Select(w => w.Scene));
    }

    [Fact]
    public void Every_segment_lands_in_exactly_one_window_in_order()
    {
        var segments = DialogueFixture.Transcript().Segments;
        foreach (var size in new[] { 1, 2, 3, 5, 50 })
        {
            var windows = SceneSplitter.Split(segments, 0.1, size);
            Assert.Equal(segments.Select(s => s.Id), windows.SelectMany(w => w.Segments).Select(s => s.Id));
            Assert.All(windows, w => Assert.InRange(w.Segments.Count, 1, size));
        }
    }
}
