using DubAgent.Abstractions.Domain;
using DubAgent.Abstractions.Errors;
using DubAgent.Engines.Translation;
using DubAgent.Engines.Translation.Timing;

// Not "...Tests.Translation": that namespace would shadow the Translation record in sibling test folders.
namespace DubAgent.Engines.Tests.Translating;

public sealed class TranslationGuardTests
{
    private static readonly Transcript Source = DialogueFixture.Transcript();

    private static DubAgent.Abstractions.Domain.Translation Faithful() => new()
    {
        SourceLanguage = "en",
        TargetLanguage = "es",
        Engine = "test",
        Segments = Source.Segments.Select(s => SegmentFit.Build(s, "hola", "es", "test", "neutral", 0, null)).ToList(),
    };

    [Fact]
    public void Passes_when_everything_matches()
    {
        var output = Faithful();
        Assert.Same(output, TranslationGuard.Check(Source, output, "test"));
    }

    [Fact]
    public void A_dropped_segment_is_refused()
    {
        var output = Faithful() with { Segments = Faithful().Segments.Skip(1).ToList() };
        var error = Assert.Throws<EngineFailedException>(() => TranslationGuard.Check(Source, output, "test"));
        Assert.Contains("11 segments for 12", error.Message);
    }

    [Fact]
    public void Reordered_segments_are_refused()
    {
        var segments = Faithful().Segments.ToList();
        (segments[2], segments[3]) = (segments[3], segments[2]);
        var error = Assert.Throws<EngineFailedException>(() => TranslationGuard.Check(Source, Faithful() with { Segments = segments }, "test"));
        Assert.Contains("seg_0004' where 'seg_0003'", error.Message);
    }

    [Fact]
    public void A_changed_speaker_is_refused()
    {
        var segments = Faithful().Segments.ToList();
        segments[0] = segments[0] with { Speaker = "SPEAKER_01" };
        var error = Assert.Throws<EngineFailedException>(() => TranslationGuard.Check(Source, Faithful() with { Segments = segments }, "test"));
        Assert.Contains("changed speaker from SPEAKER_00 to SPEAKER_01", error.Message);
    }

    [Fact]
    public void Moved_times_and_empty_lines_are_refused()
    {
        var moved = Faithful().Segments.ToList();
        moved[5] = moved[5] with { End = moved[5].End + 0.5 };
        Assert.Throws<EngineFailedException>(() => TranslationGuard.Check(Source, Faithful() with { Segments = moved }, "test"));
        var empty = Faithful().Segments.ToList();
        empty[5] = empty[5] with { TargetText = " " };
        Assert.Throws<EngineFailedException>(() => TranslationGuard.Check(Source, Faithful() with { Segments = empty }, "test"));
    }
}
